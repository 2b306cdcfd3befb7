// One view per documented version: its authored summary and description (rendered once), its
// release, its neighbours, links to its OpenAPI documents, and its changes grouped by operation.
// Links are relative to the docs folder.
import type { Html } from './html.js';
import { inlineMarkdownToHtml, markdownToHtml } from './markdown-html.js';
import { changeView, countSeverities, groupByOperation, type ChangeGroup, type ChangeView, type SeverityCounts } from './change-view.js';
import { groupByRelease, type ReleaseNumbers } from './releases.js';
import type { DocsVersion } from './docs-input.js';

export interface VersionLink {
  readonly version: string;
  readonly summary: string;
  /** `2.26.html` */
  readonly href: string;
  /** `versions/2.26.md` */
  readonly mdHref: string;
}

export interface VersionView extends VersionLink {
  readonly summaryHtml: Html;
  readonly description: string;
  readonly descriptionHtml: Html;
  /** The releases this version closes (usually none or one). */
  readonly releases: readonly string[];
  /** Label of the release group it belongs to, e.g. `Mitaka (13.0.0)` or `Unreleased`. */
  readonly release: string;
  readonly releaseAnchor: string;
  readonly unreleased: boolean;
  /** e.g. `Mitaka (13.0.0)` when this version closes a release, else null. */
  readonly closes: string | null;
  readonly anchor: string;
  readonly openapi: { readonly yaml: string; readonly json: string };
  readonly prev: VersionLink | null;
  readonly next: VersionLink | null;
  readonly changes: readonly ChangeView[];
  readonly groups: readonly ChangeGroup[];
  readonly counts: SeverityCounts;
  readonly total: number;
}

export const versionLink = (v: { readonly version: string; readonly summary: string }): VersionLink => ({
  version: v.version,
  summary: v.summary,
  href: `${v.version}.html`,
  mdHref: `versions/${v.version}.md`,
});

/** `versions` oldest first; the views come out in the same order. */
export function versionViews(versions: readonly DocsVersion[], numbers: ReleaseNumbers = {}): VersionView[] {
  const groupOf = new Map<string, { label: string; anchor: string; unreleased: boolean }>();
  for (const g of groupByRelease(versions, numbers)) for (const v of g.versions) groupOf.set(v.version, g);
  return versions.map((v, i) => {
    const changes = v.changes.map(changeView);
    const g = groupOf.get(v.version)!;
    const prev = versions[i - 1];
    const next = versions[i + 1];
    return {
      ...versionLink(v),
      summaryHtml: inlineMarkdownToHtml(v.summary),
      description: v.description,
      descriptionHtml: markdownToHtml(v.description, { headingOffset: 2 }),
      releases: v.releases,
      release: g.label,
      releaseAnchor: g.anchor,
      unreleased: g.unreleased,
      closes: v.releases.length ? g.label : null,
      anchor: `v${v.version.replace(/\./g, '-')}`,
      openapi: { yaml: `../openapi/${v.version}.yaml`, json: `../openapi/${v.version}.json` },
      prev: prev ? versionLink(prev) : null,
      next: next ? versionLink(next) : null,
      changes,
      groups: groupByOperation(changes),
      counts: countSeverities(changes),
      total: changes.length,
    };
  });
}
