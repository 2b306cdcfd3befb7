// Compact JSON (the same text as JSON.stringify(value)), with the text of each node at
// MEMO_DEPTH (an operation, a component schema) memoized by identity: documents of adjacent
// versions share most of those nodes, and compact text does not depend on where it is placed.
// toJsonPieces leaves chosen nodes at that depth out as holes (see emit/document-pieces.ts).

const memo = new WeakMap<object, string>();
const MEMO_DEPTH = 3;

/** Literal text and, in the holes, the id of a node whose text is kept apart. */
export type Pieces = (string | number)[];

interface Holes {
  readonly ids: ReadonlyMap<object, number>;
  /** Filled with the text of each hole. */
  readonly texts: Map<number, string>;
}

function memoText(value: object): string {
  let text = memo.get(value);
  if (text === undefined) memo.set(value, (text = JSON.stringify(value)));
  return text;
}

// Keys near the top (paths, component names) repeat in every document: their text is kept.
const keyTexts = new Map<string, string>();
function keyText(k: string): string {
  let t = keyTexts.get(k);
  if (t === undefined) keyTexts.set(k, (t = `${JSON.stringify(k)}:`));
  return t;
}

function write(value: unknown, depth: number, out: Pieces, holes: Holes | undefined): void {
  if (value === null || typeof value !== 'object') { out.push(JSON.stringify(value) ?? 'null'); return; }
  if (depth >= MEMO_DEPTH) {
    const id = holes?.ids.get(value);
    const text = depth === MEMO_DEPTH ? memoText(value) : JSON.stringify(value);
    if (id === undefined) out.push(text);
    else { out.push(id); holes!.texts.set(id, text); }
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i) out.push(',');
      const v: unknown = value[i];
      if (v === undefined || typeof v === 'function') out.push('null');
      else write(v, depth + 1, out, holes);
    }
    out.push(']');
    return;
  }
  out.push('{');
  let first = true;
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || typeof v === 'function') continue;
    out.push(first ? keyText(k) : `,${keyText(k)}`);
    first = false;
    write(v, depth + 1, out, holes);
  }
  out.push('}');
}

export function toJson(value: unknown): string {
  const out: Pieces = [];
  write(value, 0, out, undefined);
  return out.join('');
}

/**
 * The text of `value` as pieces: each node of `ids` (at MEMO_DEPTH) is a hole holding its id,
 * and its text goes into `texts`. Adjacent literal text is merged.
 */
export function toJsonPieces(value: unknown, ids: ReadonlyMap<object, number>, texts: Map<number, string>): Pieces {
  const out: Pieces = [];
  write(value, 0, out, { ids, texts });
  return mergeText(out);
}

/** Joins each run of strings into one. */
export function mergeText(pieces: Pieces): Pieces {
  const out: Pieces = [];
  let run: string[] = [];
  for (const p of pieces) {
    if (typeof p === 'string') { run.push(p); continue; }
    if (run.length) { out.push(run.join('')); run = []; }
    out.push(p);
  }
  if (run.length) out.push(run.join(''));
  return out;
}
