import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Location } from './location.js';

/** A parsed YAML file with what is needed to turn a path into `file:line:col`. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly lineCounter: LineCounter;
  readonly doc: Document.Parsed | undefined;
}

/** The options of every parse of a spec file, so positions come from the same reading as values. */
export const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true } as const;

/**
 * A source whose YAML document (with positions) is parsed only when a location is asked for:
 * its value came from the build cache, and a clean run never needs a position.
 */
export function lazySourceFile(path: string, text: string): SourceFile {
  let parsed: { lineCounter: LineCounter; doc: Document.Parsed } | undefined;
  const get = () => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = { lineCounter, doc: parseDocument(text, { ...PARSE_OPTIONS, lineCounter }) };
    }
    return parsed;
  };
  return {
    path,
    text,
    get lineCounter() { return get().lineCounter; },
    get doc() { return get().doc; },
  };
}

export type JsonPath = readonly (string | number)[];

/**
 * The location of the node at `path` (or of its key, with `at: 'key'`). Falls back to the nearest
 * ancestor that exists, so a missing key points at the mapping that should hold it.
 */
export function locate(file: SourceFile, path: JsonPath, at: 'key' | 'value' = 'value'): Location {
  const offset = file.doc ? offsetOf(file.doc.contents, path, at) : 0;
  const pos = file.lineCounter.linePos(offset);
  return { file: file.path, line: pos.line, col: pos.col };
}

export function locationAt(file: SourceFile, offset: number): Location {
  const pos = file.lineCounter.linePos(offset);
  return { file: file.path, line: pos.line, col: pos.col };
}

function offsetOf(root: unknown, path: JsonPath, at: 'key' | 'value'): number {
  let node = root as Node | null;
  let best = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!pair) return best;
      if (last && at === 'key') return rangeStart(pair.key as Node) ?? best;
      node = pair.value as Node | null;
      best = rangeStart(node) ?? rangeStart(pair.key as Node) ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return best;
      node = item;
      best = rangeStart(node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
}
