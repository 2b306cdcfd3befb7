// Renders the docs folder from the view models: CHANGELOG.md, versions/<v>.md, and the static
// site (index.html, <v>.html, endpoints.html, compare.html, changes.js and the assets).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/diagnostic.js';
import type { Emitter } from '../emit/emitter.js';
import type { OutputFile } from '../write/write-output.js';
import { changesScript, compareData } from './compare-data.js';
import { docsInput, type ChangesOf, type DocsInput } from './docs-input.js';
import { endpointHistory } from './endpoint-history.js';
import type { Html } from './html.js';
import { siteView } from './site-view.js';
import { builtinTemplatesDir, createRenderer, readTemplates, TemplateError, type TemplateFile } from './templates.js';
import { versionViews, type VersionView } from './version-view.js';

export function renderDocs(input: DocsInput, templates: readonly TemplateFile[]): [OutputFile[], Diagnostic[]] {
  const [renderer, problems] = createRenderer(templates);
  if (!renderer) return [[], problems];
  try {
    const views = versionViews(input.versions, input.releaseNumbers);
    const site = siteView(input.title, input.description, views);
    const byVersion = new Map(views.map((v) => [v.version, v]));
    const releases = site.releases.map((r) => ({ ...r, versions: r.versions.map((s) => byVersion.get(s.version)!) }));
    const groups = endpointHistory(input.versions, input.operations, input.tags);
    const endpointCount = groups.reduce((n, g) => n + g.endpoints.length, 0);
    const files: OutputFile[] = [];
    const add = (path: string, content: string) => files.push({ path, content: content.endsWith('\n') ? content : `${content}\n` });
    const common = { site, generator: 'microversion-compiler' };

    add('CHANGELOG.md', renderer.page('CHANGELOG.md', { ...common, title: input.title, releases }));
    add('index.html', renderer.page('index.html', { ...common, page: 'index', current: null, endpointCount, pageTitle: input.title }));
    for (const v of views) {
      add(`versions/${v.version}.md`, renderer.page('version.md', { ...common, title: input.title, v }));
      add(`${v.version}.html`, renderer.page('version.html', { ...common, page: 'version', current: v.version, v, pageTitle: `${v.version}: ${v.summary}` }));
    }
    add('endpoints.html', renderer.page('endpoints.html', { ...common, page: 'endpoints', current: null, groups, endpointCount, pageTitle: 'Endpoint history' }));
    add('compare.html', renderer.page('compare.html', { ...common, page: 'compare', current: null, from: defaultFrom(views), to: site.latest, pageTitle: 'Compare versions' }));
    // A change line is the kind partial's output: markup from the templates, spec text escaped by handlebars.
    add('changes.js', changesScript(compareData(views, (c) => renderer.change('html', c) as Html)));
    for (const a of renderer.assets) add(a.name, a.text);
    return [files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), []];
  } catch (err) {
    if (err instanceof TemplateError) return [[], [diag('render/template-failed', `${err.message}; expected templates that render the docs views`)]];
    throw err;
  }
}

/** The compare page opens on the newest version against the one before it. */
const defaultFrom = (views: readonly VersionView[]): string | null => views[views.length - 2]?.version ?? views[0]?.version ?? null;

/** The `docs` emitter, given where the changes come from (the diff). */
export function createDocsEmitter(changesOf: ChangesOf): Emitter {
  return {
    name: 'docs',
    folder: 'docs',
    async emit(ctx) {
      const [templates, problems] = readTemplates(builtinTemplatesDir(), ctx.templatesDir);
      if (problems.length) return [[], problems];
      return renderDocs(docsInput(ctx.result, changesOf), templates);
    },
  };
}
