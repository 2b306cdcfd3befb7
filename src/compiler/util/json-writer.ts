// JSON.stringify(value, null, 2), with the text of each node at MEMO_DEPTH (an operation, a
// component schema) memoized by identity: documents of adjacent versions share most of them.

const memo = new WeakMap<object, string>();
const MEMO_DEPTH = 3;

function write(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (depth > MEMO_DEPTH) return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));
  if (depth === MEMO_DEPTH) {
    const hit = memo.get(value);
    if (hit !== undefined) return hit;
  }
  const pad = '  '.repeat(depth + 1);
  const close = '  '.repeat(depth);
  let text: string;
  if (Array.isArray(value)) {
    text = value.length === 0 ? '[]' : `[\n${value.map((v) => pad + (v === undefined || typeof v === 'function' ? 'null' : write(v, depth + 1))).join(',\n')}\n${close}]`;
  } else {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function') continue;
      parts.push(`${pad}${JSON.stringify(k)}: ${write(v, depth + 1)}`);
    }
    text = parts.length === 0 ? '{}' : `{\n${parts.join(',\n')}\n${close}}`;
  }
  if (depth === MEMO_DEPTH) memo.set(value, text);
  return text;
}

export function toJson(value: unknown): string {
  return write(value, 0);
}
