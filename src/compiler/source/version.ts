/** A microversion `2.N`: compared by its integer minor, never as a string (2.9 < 2.10 < 2.100). */
export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly text: string;
}

const VERSION_RE = /^(\d+)\.(\d+)$/;

export function parseVersion(text: string): Version | undefined {
  const m = VERSION_RE.exec(text);
  if (!m || /^0\d/.test(m[2]!)) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), text };
}

export const compareVersions = (a: Version, b: Version): number => a.major - b.major || a.minor - b.minor;

/** Orders version strings numerically; unparsable strings sort last, as text. */
export function compareVersionText(a: string, b: string): number {
  const va = parseVersion(a), vb = parseVersion(b);
  if (va && vb) return compareVersions(va, vb);
  if (va) return -1;
  if (vb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
