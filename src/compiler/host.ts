import fs from 'node:fs';
import path from 'node:path';

/** What the compiler reads through; tests use the in-memory one. */
export interface CompilerHost {
  readFile(file: string): string;
  /** File names (not paths) in a folder, sorted; throws if it is not a folder. */
  listDir(dir: string): string[];
  exists(file: string): boolean;
}

export const nodeHost: CompilerHost = {
  readFile: (file) => fs.readFileSync(file, 'utf8'),
  listDir: (dir) => fs.readdirSync(dir).sort(),
  exists: (file) => fs.existsSync(file),
};

/** A host over a map of path → text; folders are implied by the paths. */
export function memoryHost(files: Readonly<Record<string, string>>): CompilerHost {
  const norm = (p: string) => path.posix.normalize(p.split(path.sep).join('/')).replace(/\/$/, '');
  const map = new Map(Object.entries(files).map(([k, v]) => [norm(k), v]));
  return {
    readFile(file) {
      const text = map.get(norm(file));
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file '${file}'`), { code: 'ENOENT' });
      return text;
    },
    listDir(dir) {
      const prefix = norm(dir) + '/';
      const names = new Set<string>();
      for (const k of map.keys()) if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]!);
      if (names.size === 0) throw Object.assign(new Error(`ENOENT: no such folder '${dir}'`), { code: 'ENOENT' });
      return [...names].sort();
    },
    exists: (file) => map.has(norm(file)) || [...map.keys()].some((k) => k.startsWith(norm(file) + '/')),
  };
}
