// A hash of everything a build reads: the compiler, the spec files, the templates and the options.
// Equal to the last build's (and its files intact) means there is nothing to do.
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../util/hash.js';
import { compilerFingerprint } from './build-cache.js';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function inputsFingerprint(dirs: readonly string[], options: unknown): string {
  const parts = [compilerFingerprint(), JSON.stringify(options)];
  for (const dir of dirs) for (const f of filesUnder(dir)) parts.push(`${path.relative(dir, f)}\n${fs.readFileSync(f, 'utf8')}`);
  return sha256(parts.join('\n\u0000'));
}
