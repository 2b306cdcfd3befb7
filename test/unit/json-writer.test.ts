// The JSON writer (src/compiler/util/json-writer.ts) memoizes the text of depth-3 nodes by
// identity; whatever it memoizes, its output is exactly JSON.stringify(value). (It wrote
// JSON.stringify(value, null, 2) until it became compact; the contract is its header's.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { toJson } from '../../src/compiler/util/json-writer.js';

const same = (x: unknown) => assert.equal(toJson(x), JSON.stringify(x));

const valueArb = fc.oneof(
  fc.jsonValue(),
  fc.jsonValue({ stringUnit: 'binary' }),
  fc.jsonValue({ stringUnit: fc.constantFrom('"', '\\', '\n', '\u2028', '\u0000', 'é', '😀', 'a', '/', '</script>') }),
);

test('toJson(x) === JSON.stringify(x) for random JSON values', () => {
  fc.assert(fc.property(valueArb, same), { numRuns: 1000 });
});

test('a subtree shared by two parents at depth 3 is written the same in both, and in later documents', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1, maxKeys: 3 }), (a, b, shared) => {
      // root (0) → a (1) → b (2) → shared (3): the depth the writer memoizes.
      const doc1 = { a: { b: { s: shared, t: a } }, c: { d: { s: shared } }, e: [[shared]] };
      const doc2 = { x: [{ y: shared }], z: { w: { v: shared, u: b } }, deeper: { a: { b: { c: shared } } }, shallow: shared };
      same(doc1);
      same(doc2);
      same(doc1);
      same([doc1, doc2]);
      // A shared array too.
      const list = [shared, a];
      same({ a: { b: { l: list } }, c: { d: { l: list } }, e: list });
    }),
    { numRuns: 300 },
  );
});

test('toJson skips what JSON.stringify skips', () => {
  same({ a: undefined, b: [undefined, () => 1], c: { d: undefined }, e: () => 1 });
  same({ a: { b: { c: { d: undefined, e: [undefined] } } } });
  same([]);
  same({});
  same({ a: { b: { c: {}, d: [] } } });
  same('x');
  same(1e21);
  same(null);
});
