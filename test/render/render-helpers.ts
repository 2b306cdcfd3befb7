// Shared by the render tests: where the ChangeRecords come from, and output files as a map.
import type { OutputFile } from '../../src/compiler/write/write-output.js';

export { changesOf as changesOfForTests } from '../../src/compiler/diff/index.js';

/** path → text; the docs emitter writes every file with its content. */
export function fileMap(files: readonly OutputFile[]): Map<string, string> {
  return new Map(files.map((f) => {
    if (!('content' in f)) throw new Error(`${f.path}: the docs emitter links no files`);
    return [f.path, f.content];
  }));
}
