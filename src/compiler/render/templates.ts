// The template set: the built-in templates/ folder, with files of --templates DIR replacing the
// built-in ones of the same file name, compiled into two handlebars environments (HTML pages and
// Markdown pages) that share the partials but escape differently.
//
// Layout of a template folder:
//   <page>.html.hbs, <page>.md.hbs   pages (index, version, endpoints, compare, CHANGELOG)
//   parts/<name>.hbs                 page parts, registered as partials <name> (layout, sidebar,
//                                    change.html, change.md, …), as written: the inline ones
//                                    (values, keys, used-by, …) end without a newline
//   partials/<kind>.hbs              one inline partial per change kind (operation.added.hbs),
//                                    and kind-default.hbs for kinds without one; their trailing
//                                    newline is dropped, since they render inside a line
//   assets/<file>                    copied into docs/ as they are (site.css, site.js, compare.js)
// A .hbs file of --templates DIR that matches no built-in file name is registered as an extra
// change-kind partial, so a kind that has no built-in partial can be given one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeHtml } from './html.js';
import { markdownCode, markdownSource, markdownText } from './markdown-text.js';

export interface TemplateFile {
  /** Relative to the template folder, with `/`: `partials/operation.added.hbs`. */
  readonly name: string;
  /** Where it was read from, for messages. */
  readonly source: string;
  readonly text: string;
}

export type Format = 'html' | 'md';

export interface Renderer {
  /** Renders a page template, `version.html` or `CHANGELOG.md`, with a view. */
  page(name: string, view: object): string;
  /** Renders one change with the partial of its kind (or kind-default). */
  change(format: Format, view: { readonly kind: string }): string;
  /** The files under assets/, relative names and text. */
  readonly assets: readonly { readonly name: string; readonly text: string }[];
}

/** The templates/ folder of this package, found from src/ and from dist/src/ alike. */
export function builtinTemplatesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'templates'))) return path.join(dir, 'templates');
    const up = path.dirname(dir);
    if (up === dir) throw new Error('microversion-compiler: cannot find its templates/ folder');
    dir = up;
  }
}

function walk(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(root, r));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

const readFolder = (root: string): TemplateFile[] =>
  walk(root).map((name) => ({ name, source: path.join(root, name), text: fs.readFileSync(path.join(root, name), 'utf8') }));

/** The built-in files with the override folder's files replacing those of the same file name. */
export function readTemplates(builtinDir: string, overrideDir?: string): [TemplateFile[], Diagnostic[]] {
  const files = readFolder(builtinDir);
  if (overrideDir === undefined) return [files, []];
  let overrides: TemplateFile[];
  try {
    if (!fs.statSync(overrideDir).isDirectory()) throw new Error('not a folder');
    overrides = readFolder(overrideDir);
  } catch (err) {
    return [files, [diag('render/template-failed', `--templates ${overrideDir} cannot be read (${err instanceof Error ? err.message : String(err)}); expected a folder of handlebars templates`)]];
  }
  return [mergeTemplates(files, overrides), []];
}

export function mergeTemplates(builtin: readonly TemplateFile[], overrides: readonly TemplateFile[]): TemplateFile[] {
  const out = [...builtin];
  for (const o of overrides) {
    const base = path.posix.basename(o.name);
    const at = out.findIndex((f) => path.posix.basename(f.name) === base);
    if (at >= 0) out[at] = { ...o, name: out[at]!.name };
    else if (base.endsWith('.hbs')) out.push({ ...o, name: `partials/${base}` });
  }
  return out;
}

type Env = typeof Handlebars;

/** Drops the options object handlebars passes last to every helper. */
const params = (args: unknown[]): unknown[] => args.slice(0, -1);
const asText = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function registerHelpers(env: Env, format: Format): void {
  const safe = (s: string) => new env.SafeString(s);
  env.registerHelper('eq', (...args: unknown[]) => { const [a, b] = params(args); return a === b; });
  env.registerHelper('or', (...args: unknown[]) => params(args).some(Boolean));
  env.registerHelper('and', (...args: unknown[]) => params(args).every(Boolean));
  env.registerHelper('not', (...args: unknown[]) => !params(args)[0]);
  env.registerHelper('lower', (...args: unknown[]) => asText(params(args)[0]).toLowerCase());
  env.registerHelper('plural', (...args: unknown[]) => {
    const [n, one, many] = params(args);
    return Number(n) === 1 ? asText(one) : asText(many ?? `${asText(one)}s`);
  });
  env.registerHelper('kindPartial', (...args: unknown[]) => {
    const [kind] = params(args);
    return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(env.partials, kind) ? kind : 'kind-default';
  });
  // Format-neutral markup for the partials shared by both page kinds.
  env.registerHelper('code', (...args: unknown[]) => {
    const text = asText(params(args)[0]);
    return safe(format === 'html' ? `<code>${escapeHtml(text)}</code>` : markdownCode(text));
  });
  env.registerHelper('text', (...args: unknown[]) => {
    const text = asText(params(args)[0]);
    return safe(format === 'html' ? escapeHtml(text) : markdownText(text));
  });
  env.registerHelper('strong', (...args: unknown[]) => {
    const text = asText(params(args)[0]);
    return safe(format === 'html' ? `<strong>${escapeHtml(text)}</strong>` : `**${markdownText(text)}**`);
  });
  // {{#detail}}…{{/detail}}: a change's secondary detail, after its message.
  env.registerHelper('detail', function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Handlebars.HelperOptions;
    const inner = options.fn(this).trim();
    if (inner === '') return '';
    return safe(format === 'html' ? ` <span class="detail">${inner}</span>` : ` (${inner})`);
  });
  if (format === 'md') {
    // Authored Markdown, raw HTML neutralised: {{md description 2 "  "}} demotes headings by 2 and indents continuation lines.
    env.registerHelper('md', (...args: unknown[]) => {
      const [text, offset, indent] = params(args);
      return safe(markdownSource(asText(text), { headingOffset: typeof offset === 'number' ? offset : 0, indent: typeof indent === 'string' ? indent : '' }));
    });
  }
}

const partialName = (file: TemplateFile): string => path.posix.basename(file.name).replace(/\.hbs$/, '');

export function createRenderer(files: readonly TemplateFile[]): [Renderer | undefined, Diagnostic[]] {
  const envs: Record<Format, Env> = { html: Handlebars.create(), md: Handlebars.create() };
  registerHelpers(envs.html, 'html');
  registerHelpers(envs.md, 'md');
  const diagnostics: Diagnostic[] = [];
  const pages = new Map<string, { format: Format; file: TemplateFile; fn: HandlebarsTemplateDelegate }>();
  const assets: { name: string; text: string }[] = [];
  for (const file of files) {
    if (file.name.startsWith('assets/')) { assets.push({ name: file.name.slice('assets/'.length), text: file.text }); continue; }
    if (!file.name.endsWith('.hbs')) continue;
    try {
      Handlebars.parse(file.text);
    } catch (err) {
      diagnostics.push(diag('render/template-failed', `docs: template ${file.source} does not parse: ${err instanceof Error ? err.message : String(err)}; expected a handlebars template`));
      continue;
    }
    if (file.name.startsWith('partials/') || file.name.startsWith('parts/')) {
      const text = file.name.startsWith('partials/') ? file.text.replace(/\s+$/, '') : file.text;
      for (const env of Object.values(envs)) env.registerPartial(partialName(file), text);
      continue;
    }
    const m = /^(.+)\.(html|md)\.hbs$/.exec(file.name);
    if (!m) continue;
    const format = m[2] as Format;
    pages.set(`${m[1]}.${format}`, { format, file, fn: envs[format].compile(file.text, { preventIndent: true }) });
  }
  if (diagnostics.length) return [undefined, diagnostics];
  const changeFns: Record<Format, HandlebarsTemplateDelegate> = {
    html: envs.html.compile('{{> (kindPartial kind)}}', { preventIndent: true }),
    md: envs.md.compile('{{> (kindPartial kind)}}', { preventIndent: true }),
  };
  const renderer: Renderer = {
    page(name, view) {
      const p = pages.get(name);
      if (!p) throw new TemplateError(`docs: there is no page template ${name}.hbs`);
      try {
        return p.fn(view);
      } catch (err) {
        throw new TemplateError(`docs: template ${p.file.source} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    change(format, view) {
      try {
        return changeFns[format](view).trim();
      } catch (err) {
        throw new TemplateError(`docs: the partial of change kind ${view.kind} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    assets,
  };
  return [renderer, []];
}

/** A template that fails while rendering (a missing partial, a helper given bad input). */
export class TemplateError extends Error {}
