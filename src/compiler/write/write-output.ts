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
/**
 * An output being written: files go into a temporary folder beside the owned folders as they come
 * (so the build need not hold them all in memory), and `commit` swaps them in at the end; `abort`
 * leaves the previous output exactly as it was.
 */
export interface OutputTransaction {
  write(folder: string, file: OutputFile): void;
  /**
   * The absolute path (its folder made) of a file that someone else writes, such as a worker
   * thread; it is part of the output from now on. Undefined once writing has failed.
   */
  place(folder: string, relPath: string): string | undefined;
  /** `retire`: folders an earlier build wrote that this one does not (removed if they carry our manifest). */
  commit(manifests?: ReadonlyMap<string, Record<string, unknown>>, retire?: readonly string[]): Diagnostic[];
  abort(): void;
}

const failed = (outDir: string, err: unknown) =>
  diag('write/failed', `writing ${outDir} failed: ${err instanceof Error ? err.message : String(err)}; expected a writable folder (the previous output was kept)`);

export function beginOutput(outDir: string, owned: readonly string[]): [OutputTransaction | undefined, Diagnostic[]] {
  const refused = checkOutDir(outDir, owned);
  if (refused.length) return [undefined, refused];
  // Nothing is created until the first file: a build that fails first leaves no trace at all.
  let tmp: string | undefined;
  let madeOutDir = false;
  const open = (): string => {
    if (tmp) return tmp;
    if (!fs.existsSync(outDir)) { fs.mkdirSync(outDir, { recursive: true }); madeOutDir = true; }
    // Leftovers of a run that was killed mid-write are the compiler's own: clear them.
    for (const e of fs.readdirSync(outDir)) if (e.startsWith('.mvc-tmp-')) fs.rmSync(path.join(outDir, e), { recursive: true, force: true });
    return (tmp = fs.mkdtempSync(path.join(outDir, '.mvc-tmp-')));
  };
  const files = new Map<string, string[]>(owned.map((f) => [f, []]));
  const made = new Set<string>();
  let error: unknown;
  let done = false;
  const cleanup = () => {
    done = true;
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
  const place = (folder: string, relPath: string): string | undefined => {
    if (error || done) return undefined;
    try {
      const list = files.get(folder);
      if (!list) throw new Error(`internal: ${folder} is not an output folder of this build`);
      const dest = path.join(open(), folder, relPath);
      const dir = path.dirname(dest);
      if (!made.has(dir)) { fs.mkdirSync(dir, { recursive: true }); made.add(dir); }
      list.push(relPath);
      return dest;
    } catch (err) {
      error = err;
      return undefined;
    }
  };
  return [{
    place,
    write(folder, f) {
      const dest = place(folder, f.path);
      if (dest === undefined) return;
      try {
        if ('content' in f) fs.writeFileSync(dest, f.content);
        else {
          try { fs.linkSync(f.linkFrom, dest); } catch { fs.copyFileSync(f.linkFrom, dest); }
        }
      } catch (err) {
        error = err;
      }
    },
    commit(manifests = new Map(), retire = []) {
      if (done) throw new Error('internal: output committed or aborted twice');
      try {
        if (error) throw error;
        const tmpDir = open();
        for (const [name, list] of files) {
          const root = path.join(tmpDir, name);
          fs.mkdirSync(root, { recursive: true });
          const manifest = { generator: 'microversion-compiler', ...(manifests.get(name) ?? {}), files: [...list].sort() };
          fs.writeFileSync(path.join(root, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
        }
        for (const name of owned) {
          const target = path.join(outDir, name);
          if (fs.existsSync(target)) fs.renameSync(target, path.join(tmpDir, `.old-${name}`));
          fs.renameSync(path.join(tmpDir, name), target);
        }
        for (const name of retire) {
          const dir = path.join(outDir, name);
          if (!files.has(name) && fs.existsSync(path.join(dir, MANIFEST))) fs.renameSync(dir, path.join(tmpDir, `.old-${name}`));
        }
        return [];
      } catch (err) {
        return [failed(outDir, err)];
      } finally {
        cleanup();
      }
    },
    abort() {
      if (done) return;
      cleanup();
      if (madeOutDir && fs.readdirSync(outDir).length === 0) fs.rmdirSync(outDir);
    },
  }, []];
}

/** Writes a whole tree in one transaction. */
export function writeOutput(outDir: string, tree: OutputTree, manifests: ReadonlyMap<string, Record<string, unknown>> = new Map(), retire: readonly string[] = []): Diagnostic[] {
  const [tx, refused] = beginOutput(outDir, [...tree.keys()]);
  if (!tx) return refused;
  for (const [name, files] of tree) for (const f of files) tx.write(name, f);
  return tx.commit(manifests, retire);
}
