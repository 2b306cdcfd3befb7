import { CODES } from './codes.js';

/** The README's table of diagnostic codes, from the registry. */
export function diagnosticsTable(): string {
  const rows = Object.entries(CODES).map(([code, { doc }]) => `| \`${code}\` | ${doc} |`);
  return ['| code | meaning |', '|---|---|', ...rows, ''].join('\n');
}
