// What every page of the site shares: the API's title and description, the release groups
// (newest first) that the sidebar and the index list, and the version picker's entries.
import type { Html } from './html.js';
import { markdownToHtml } from './markdown-html.js';
import type { SeverityCounts } from './change-view.js';
import type { VersionView } from './version-view.js';

export interface SiteVersion {
  readonly version: string;
  readonly summary: string;
  readonly summaryHtml: Html;
  readonly href: string;
  readonly mdHref: string;
  readonly openapi: { readonly yaml: string; readonly json: string };
  readonly counts: SeverityCounts;
  readonly total: number;
}

export interface SiteRelease {
  readonly label: string;
  readonly anchor: string;
  readonly unreleased: boolean;
  /** Newest first. */
  readonly versions: readonly SiteVersion[];
}

export interface SiteView {
  readonly title: string;
  readonly descriptionHtml: Html;
  /** Newest release first. */
  readonly releases: readonly SiteRelease[];
  /** Newest first, for the picker. */
  readonly versions: readonly SiteVersion[];
  readonly latest: string | null;
  readonly oldest: string | null;
}

export function siteView(title: string, description: string, views: readonly VersionView[]): SiteView {
  const groups: { label: string; anchor: string; unreleased: boolean; versions: SiteVersion[] }[] = [];
  for (const v of views) {
    const entry: SiteVersion = { version: v.version, summary: v.summary, summaryHtml: v.summaryHtml, href: v.href, mdHref: v.mdHref, openapi: v.openapi, counts: v.counts, total: v.total };
    const last = groups[groups.length - 1];
    if (last && last.anchor === v.releaseAnchor) last.versions.push(entry);
    else groups.push({ label: v.release, anchor: v.releaseAnchor, unreleased: v.unreleased, versions: [entry] });
  }
  const releases: SiteRelease[] = groups.reverse().map((g) => ({ ...g, versions: g.versions.reverse() }));
  return {
    title,
    descriptionHtml: markdownToHtml(description, { headingOffset: 1 }),
    releases,
    versions: releases.flatMap((r) => r.versions),
    latest: views[views.length - 1]?.version ?? null,
    oldest: views[0]?.version ?? null,
  };
}
