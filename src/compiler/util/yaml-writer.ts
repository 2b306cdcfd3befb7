// A YAML writer for plain JSON data. The `yaml` package's stringify costs ~50 ms for a 300 KB
// document; this one is a single pass, and its output is read back identically (a property test).
// The text of each object is memoized by identity and indent: emitted documents share unchanged
// subtrees across versions, so 100 documents cost little more than the parts that differ.
// toYamlPieces leaves chosen mappings at that indent out as holes (see emit/document-pieces.ts).
import { mergeText, type Pieces } from './json-writer.js';

const memo = new WeakMap<object, string>();
/** Only nodes this deep are memoized (an operation, a component schema): caching every level would hold each subtree's text once per ancestor. */
const MEMO_INDENT = 6;

const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~|-?\.inf|\.nan)$/i;
const NUMBERISH = /^[-+.]?\d|^0[xo]/;

function plainOk(s: string): boolean {
  if (s === '' || s !== s.trim() || /[\n\r\t\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s)) return false;
  if (!/^[A-Za-z/(_$]/.test(s)) return false;
  if (RESERVED.test(s) || NUMBERISH.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  return true;
}

function scalar(s: string, indent: string): string {
  if (plainOk(s)) return s;
  // Multi-line text reads best as a literal block, when it can be one exactly.
  // A literal block holds it exactly when its first non-empty line starts with no blank (that
  // line sets the indentation) and it has such a line at all.
  const firstLine = s.split('\n').find((l) => l !== '');
  if (s.includes('\n') && firstLine !== undefined && !/^[ \t]/.test(firstLine) && !/[ \t]\n|[ \t]$/.test(s) && !/[\r\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s)) {
    const trailing = /\n+$/.exec(s)?.[0].length ?? 0;
    const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
    const body = trailing ? s.slice(0, -trailing) : s;
    const lines = body.split('\n').map((l) => (l === '' ? '' : indent + l));
    return `|${chomp}\n${lines.join('\n')}${chomp === '+' ? '\n'.repeat(trailing - 1) : ''}`;
  }
  // JSON's double-quoted form is valid YAML.
  return JSON.stringify(s);
}

// Keys repeat across every document ("type", "description", …): their text is kept.
const keyTexts = new Map<string, string>();
function keyText(k: string): string {
  let t = keyTexts.get(k);
  if (t === undefined) keyTexts.set(k, (t = plainOk(k) && !k.includes('\n') ? k : JSON.stringify(k)));
  return t;
}

function write(value: unknown, indent: string, out: Pieces): void {
  // Called with the cursor just after "key:" or "- ": writes the rest of the node.
  if (value === null || value === undefined) { out.push(' null\n'); return; }
  if (typeof value === 'string') { out.push(' ', scalar(value, indent + '  '), '\n'); return; }
  if (typeof value === 'number' || typeof value === 'boolean') { out.push(' ', String(value), '\n'); return; }
  if (Array.isArray(value)) {
    if (value.length === 0) { out.push(' []\n'); return; }
    out.push('\n');
    writeSeq(value, indent, out);
    return;
  }
  const keys = Object.keys(value as object);
  if (keys.length === 0) { out.push(' {}\n'); return; }
  out.push('\n');
  writeMap(value as Record<string, unknown>, indent + '  ', out);
}

function writeMap(obj: Record<string, unknown>, indent: string, out: Pieces): void {
  memoized(obj, indent, out, writeMapEntries);
}

function writeMapEntries(obj: Record<string, unknown>, indent: string, out: Pieces): void {
  for (const k of Object.keys(obj)) {
    if (obj[k] === undefined) continue;
    out.push(indent, keyText(k), ':');
    write(obj[k], indent, out);
  }
}

function writeSeq(arr: readonly unknown[], indent: string, out: Pieces): void {
  memoized(arr, indent, out, writeSeqItems);
}

/** The holes of the toYamlPieces call under way: mappings at MEMO_INDENT by id, and their texts. */
let holes: { readonly ids: ReadonlyMap<object, number>; readonly texts: Map<number, string> } | undefined;

/** Writes `node` with `body`, through the memo when it sits at MEMO_INDENT. */
function memoized<T extends object>(node: T, indent: string, out: Pieces, body: (node: T, indent: string, out: Pieces) => void): void {
  if (indent.length !== MEMO_INDENT) { body(node, indent, out); return; }
  let text = memo.get(node);
  if (text === undefined) {
    const own: Pieces = [];
    body(node, indent, own);
    memo.set(node, (text = own.join('')));
  }
  const id = holes?.ids.get(node);
  if (id === undefined) out.push(text);
  else { out.push(id); holes!.texts.set(id, text); }
}

function writeSeqItems(arr: readonly unknown[], indent: string, out: Pieces): void {
  for (const item of arr) {
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
      // "- key: value" with the rest of the mapping aligned under the first key: cut from its
      // text, so it is written whole (no holes).
      const sub: Pieces = [];
      const outer = holes;
      holes = undefined;
      try {
        writeMap(item as Record<string, unknown>, indent + '  ', sub);
      } finally {
        holes = outer;
      }
      out.push(indent, '- ', sub.join('').slice(indent.length + 2));
    } else if (Array.isArray(item) && item.length > 0) {
      out.push(indent, '-\n');
      writeSeq(item, indent + '  ', out);
    } else {
      out.push(indent, '-');
      write(item, indent, out);
    }
  }
}

/**
 * The text of a mapping as pieces: each mapping of `ids` at MEMO_INDENT (a value two levels below
 * the top, such as an operation) is a hole holding its id, and its text goes into `texts`.
 */
export function toYamlPieces(value: Record<string, unknown>, ids: ReadonlyMap<object, number>, texts: Map<number, string>): Pieces {
  const out: Pieces = [];
  holes = { ids, texts };
  try {
    writeMap(value, '', out);
  } finally {
    holes = undefined;
  }
  return mergeText(out);
}

export function toYaml(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
    const out: Pieces = [];
    writeMap(value as Record<string, unknown>, '', out);
    return out.join('');
  }
  const out: Pieces = [];
  write(value, '', out);
  return out.join('').replace(/^ /, '').replace(/^\n/, '');
}
