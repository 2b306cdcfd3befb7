// Groups versions by release: a version carrying `release:` closes that release (it was the
// newest microversion of it); the versions after the last such version are unreleased.

export interface ReleasedVersion {
  readonly version: string;
  readonly releases: readonly string[];
}

export interface ReleaseGroup<V> {
  /** The release names this group closes (several when releases added no microversion); empty when unreleased. */
  readonly names: readonly string[];
  /** e.g. `Mitaka (13.0.0)`, `Ussuri / Victoria`, or `Unreleased`. */
  readonly label: string;
  /** An id fit for an HTML anchor, e.g. `release-mitaka`. */
  readonly anchor: string;
  readonly unreleased: boolean;
  /** In version order, oldest first. */
  readonly versions: readonly V[];
}

export type ReleaseNumbers = Readonly<Record<string, { readonly number?: string }>>;

export function releaseLabel(names: readonly string[], numbers: ReleaseNumbers = {}): string {
  return names.map((n) => (numbers[n]?.number ? `${n} (${numbers[n]!.number})` : n)).join(' / ');
}

export const anchorId = (prefix: string, text: string): string =>
  `${prefix}-${text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x'}`;

/** `versions` in version order, oldest first; the groups come out in the same order. */
export function groupByRelease<V extends ReleasedVersion>(versions: readonly V[], numbers: ReleaseNumbers = {}): ReleaseGroup<V>[] {
  const groups: ReleaseGroup<V>[] = [];
  let pending: V[] = [];
  for (const v of versions) {
    pending.push(v);
    if (v.releases.length) {
      groups.push({ names: v.releases, label: releaseLabel(v.releases, numbers), anchor: anchorId('release', v.releases.join('-')), unreleased: false, versions: pending });
      pending = [];
    }
  }
  if (pending.length) groups.push({ names: [], label: 'Unreleased', anchor: 'release-unreleased', unreleased: true, versions: pending });
  return groups;
}
