// Compact JSON (the same text as JSON.stringify(value)), with the text of each node at
// MEMO_DEPTH (an operation, a component schema) memoized by identity: documents of adjacent
// versions share most of those nodes, and compact text does not depend on where it is placed.

const memo = new WeakMap<object, string>();
const MEMO_DEPTH = 3;

function write(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object' || depth > MEMO_DEPTH) return JSON.stringify(value) ?? 'null';
  if (depth === MEMO_DEPTH) {
    const hit = memo.get(value);
    if (hit !== undefined) return hit;
    const text = JSON.stringify(value);
    memo.set(value, text);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : write(v, depth + 1))).join(',')}]`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function') continue;
    parts.push(`${JSON.stringify(k)}:${write(v, depth + 1)}`);
  }
  return `{${parts.join(',')}}`;
}

export function toJson(value: unknown): string {
  return write(value, 0);
}
