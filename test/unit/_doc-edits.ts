// Random edits of a JSON document, for the validator tests: delete a node, replace it, or move
// it under another key.
import fc from 'fast-check';
import { allPaths } from '../helpers.js';

type Doc = Record<string | number, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Edit { readonly at: number; readonly how: 'delete' | 'replace' | 'rename'; readonly value: unknown; readonly key: string }

export const editArb = (value: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 1 })): fc.Arbitrary<Edit> => fc.record({
  at: fc.nat(),
  how: fc.constantFrom('delete' as const, 'replace' as const, 'rename' as const),
  value,
  key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('200', 'x-a', '/x', 'description', 'schema', 'in', 'default', '$ref')),
});

/** Applies `edits` to `doc` in place (each picks its node among the paths of the document as it is then). */
export function applyEdits(doc: Doc, edits: readonly Edit[]): void {
  for (const e of edits) {
    const all = allPaths(doc);
    if (!all.length) return;
    const p = all[e.at % all.length]!;
    const parent = p.slice(0, -1).reduce<Doc>((n, k) => n[k], doc);
    const last = p[p.length - 1]!;
    if (e.how === 'delete') Array.isArray(parent) ? parent.splice(last as number, 1) : delete parent[last];
    else if (e.how === 'replace') parent[last] = structuredClone(e.value);
    else if (!Array.isArray(parent) && !(e.key in parent)) { parent[e.key] = parent[last]; delete parent[last]; }
  }
}
