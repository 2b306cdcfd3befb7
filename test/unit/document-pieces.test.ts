// documentPieces (src/compiler/emit/document-pieces.ts) cuts a document's JSON and YAML into the
// text around its parts and the parts' own texts; put back together they must be exactly what
// toJson and toYaml write, whatever the parts hold and however documents share them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assemble, documentPieces } from '../../src/compiler/emit/document-pieces.js';
import { partIdsOf } from '../../src/compiler/emit/validation-parts.js';
import { toJson } from '../../src/compiler/util/json-writer.js';
import { toYaml } from '../../src/compiler/util/yaml-writer.js';

type Doc = Record<string, unknown>;

function roundTrips(doc: Doc): void {
  const parts = partIdsOf(doc);
  const pieces = documentPieces(doc, parts);
  assert.equal(assemble(pieces.json, (id) => pieces.texts.get(id)![0]), toJson(doc) + '\n');
  assert.equal(assemble(pieces.yaml, (id) => pieces.texts.get(id)![1]), toYaml(doc));
  for (const p of pieces.json) if (typeof p === 'number') assert.ok(parts.some((x) => x[3] === p), `hole ${p} is a part`);
}

const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('get', 'post', '/servers', '/a/{b}', 'Server', 'x-y', '$ref', 'null', '1'));
const part = fc.oneof(
  fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 1 }),
);
const section = fc.dictionary(key, fc.oneof(fc.dictionary(key, part, { maxKeys: 4 }), fc.jsonValue({ maxDepth: 1 })), { maxKeys: 4 });
const docArb = fc.record({ openapi: fc.constant('3.1.0'), info: fc.jsonValue({ maxDepth: 2 }), paths: section, components: section, tail: fc.jsonValue({ maxDepth: 2 }) });

test('the pieces of a random document put back together are its JSON and YAML', () => {
  fc.assert(fc.property(docArb, (doc) => roundTrips(doc as Doc)), { numRuns: 300 });
});

test('parts shared with another document (the same objects) are cut the same in both', () => {
  fc.assert(
    fc.property(docArb, docArb, (a, b) => {
      const docA = a as Doc;
      // The second document holds the first one's path items and component groups, rearranged.
      const docB: Doc = { ...(b as Doc), paths: { ...(docA['paths'] as Doc), ...(b.paths as Doc) }, components: { extra: docA['components'], ...(docA['components'] as Doc) } };
      roundTrips(docA);
      roundTrips(docB);
      roundTrips(docA);
    }),
    { numRuns: 200 },
  );
});
