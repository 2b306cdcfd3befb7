// Writes the build output atomically per owned folder: everything goes to a temporary folder
// first and is swapped in only once all of it is written. A folder is replaced only if it carries
// the compiler's manifest, so --out can never delete files the compiler did not make.
import fs from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';

export const MANIFEST = '.mvc-manifest.json';

export type OutputFile =
  | { /** Relative to the owned folder, with `/` separators. */ readonly path: string; readonly content: string }
  /** An unchanged file of an earlier build, hard-linked (or copied) instead of written again. */
  | { readonly path: string; readonly linkFrom: string };

/** Owned folder name (e.g. "openapi") → its files. */
export type OutputTree = ReadonlyMap<string, readonly OutputFile[]>;

export function checkOutDir(outDir: string, owned: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) {
    return [diag('write/out-not-ours', `--out ${outDir} is a file; expected a folder`)];
  }
  for (const name of owned) {
    const dir = path.join(outDir, name);
    if (!fs.existsSync(dir)) continue;
    if (!fs.statSync(dir).isDirectory()) { out.push(diag('write/out-not-ours', `${dir} is a file, not a folder the compiler wrote; expected it absent or made by mvc`)); continue; }
    const entries = fs.readdirSync(dir);
    if (entries.length && !entries.includes(MANIFEST)) {
      out.push(diag('write/out-not-ours', `${dir} holds ${entries.length} file(s) but no ${MANIFEST}, so mvc did not make it; expected an empty folder or one written by mvc (move it away or pick another --out)`));
    }
  }
  return out;
}

/** `retire`: folders an earlier build wrote that this one does not (removed if they carry our manifest). */
export function writeOutput(outDir: string, tree: OutputTree, manifests: ReadonlyMap<string, Record<string, unknown>> = new Map(), retire: readonly string[] = []): Diagnostic[] {
  const owned = [...tree.keys()];
  const refused = checkOutDir(outDir, owned);
  if (refused.length) return refused;
  let tmp: string | undefined;
  try {
    fs.mkdirSync(outDir, { recursive: true });
    // Leftovers of a run that was killed mid-write are the compiler's own: clear them.
    for (const e of fs.readdirSync(outDir)) if (e.startsWith('.mvc-tmp-')) fs.rmSync(path.join(outDir, e), { recursive: true, force: true });
    tmp = fs.mkdtempSync(path.join(outDir, '.mvc-tmp-'));
    for (const [name, files] of tree) {
      const root = path.join(tmp, name);
      const dirs = new Set<string>([root]);
      for (const f of files) dirs.add(path.dirname(path.join(root, f.path)));
      for (const d of [...dirs].sort()) fs.mkdirSync(d, { recursive: true });
      for (const f of files) {
        const dest = path.join(root, f.path);
        if ('content' in f) fs.writeFileSync(dest, f.content);
        else {
          try { fs.linkSync(f.linkFrom, dest); } catch { fs.copyFileSync(f.linkFrom, dest); }
        }
      }
      const manifest = { generator: 'microversion-compiler', ...(manifests.get(name) ?? {}), files: files.map((f) => f.path) };
      fs.writeFileSync(path.join(root, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    }
    for (const name of owned) {
      const target = path.join(outDir, name);
      const old = path.join(tmp, `.old-${name}`);
      if (fs.existsSync(target)) fs.renameSync(target, old);
      fs.renameSync(path.join(tmp, name), target);
    }
    for (const name of retire) {
      const dir = path.join(outDir, name);
      if (!tree.has(name) && fs.existsSync(path.join(dir, MANIFEST))) fs.renameSync(dir, path.join(tmp, `.old-${name}`));
    }
    return [];
  } catch (err) {
    return [diag('write/failed', `writing ${outDir} failed: ${err instanceof Error ? err.message : String(err)}; expected a writable folder (the previous output was kept)`)];
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
