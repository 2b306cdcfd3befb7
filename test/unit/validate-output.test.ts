// validateDocument (src/compiler/emit/validate-output.ts) compiles the OpenAPI 3.1 schema once and
// runs swagger-parser with schema validation off; it must still agree with swagger-parser's own
// full SwaggerParser.validate(): a document is valid for us iff swagger-parser accepts it. The
// only intended difference is stricter: unique operationIds, path templates that match their
// path parameters, and internal $refs only (checks swagger-parser does not make for 3.x).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { validateDocument } from '../../src/compiler/emit/validate-output.js';
import { ROOT } from '../helpers.js';
import { applyEdits, editArb } from './_doc-edits.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const GOLDEN = path.join(ROOT, 'test/golden/widgets');
const goldens: [string, Doc][] = fs.readdirSync(GOLDEN).filter((f) => /^\d+\.\d+\.json$/.test(f)).sort().map((f) => [f, JSON.parse(fs.readFileSync(path.join(GOLDEN, f), 'utf8'))]);

async function swaggerParserAccepts(doc: Doc): Promise<boolean> {
  try {
    await SwaggerParser.validate(structuredClone(doc) as OpenAPIV3_1.Document);
    return true;
  } catch {
    return false;
  }
}

/** Our problems; a throw counts as one (a todo test below says it should not throw). */
async function ours(doc: Doc): Promise<string[]> {
  try {
    return (await validateDocument(structuredClone(doc) as OpenAPIV3_1.Document)).map((p) => `${p.pointer}: ${p.message}`);
  } catch (err) {
    return [`threw: ${err instanceof Error ? err.message : String(err)}`];
  }
}

/** What we check beyond swagger-parser (see the file header), reimplemented here as the oracle. */
function stricterChecksPass(doc: Doc): boolean {
  let ok = true;
  const walk = (n: unknown): void => {
    if (typeof n !== 'object' || n === null) return;
    for (const [k, v] of Object.entries(n)) {
      if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) ok = false;
      else walk(v);
    }
  };
  walk(doc);
  const ids = new Set<string>();
  for (const [p, item] of Object.entries((doc['paths'] ?? {}) as Record<string, unknown>)) {
    if (typeof item !== 'object' || item === null) continue;
    for (const o of Object.values(item)) {
      if (typeof o !== 'object' || o === null || !('responses' in o)) continue;
      const id = (o as Doc)['operationId'];
      if (id) { if (ids.has(id)) ok = false; ids.add(id); }
      const inPath = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const params = (o as Doc)['parameters'];
      const declared = (Array.isArray(params) ? params : []).filter((x: Doc) => x && typeof x === 'object' && 'in' in x && x['in'] === 'path').map((x: Doc) => x['name']);
      if (inPath.some((n) => !declared.includes(n)) || declared.some((n: unknown) => !inPath.includes(n as string))) ok = false;
    }
  }
  return ok;
}

test('every golden document is valid, for us and for swagger-parser', async () => {
  assert.ok(goldens.length >= 6);
  for (const [name, doc] of goldens) {
    assert.deepStrictEqual(await ours(doc), [], name);
    assert.equal(await swaggerParserAccepts(doc), true, name);
  }
});

const base = () => structuredClone(goldens.find(([n]) => n === '2.3.json')![1]);
const listWidgets = (d: Doc) => d['paths']['/widgets']['get'];
const ok200 = (d: Doc) => listWidgets(d)['responses']['200'];

/** Edits of a valid document, each valid or not; the expectation comes from swagger-parser. */
const EDITS: [string, (d: Doc) => void][] = [
  ['nothing changed', () => {}],
  ['missing info', (d) => { delete d['info']; }],
  ['missing info.title', (d) => { delete d['info']['title']; }],
  ['missing info.version', (d) => { delete d['info']['version']; }],
  ['missing openapi', (d) => { delete d['openapi']; }],
  ['openapi 3.0.3', (d) => { d['openapi'] = '3.0.3'; }],
  ['openapi "x"', (d) => { d['openapi'] = 'x'; }],
  ['an unknown top-level key', (d) => { d['foo'] = 1; }],
  ['an x- extension at the top', (d) => { d['x-foo'] = { any: ['thing'] }; }],
  ['$ref to a missing schema', (d) => { ok200(d)['content']['application/json']['schema']['$ref'] = '#/components/schemas/Nope'; }],
  ['$ref to a missing response', (d) => { listWidgets(d)['responses']['400'] = { $ref: '#/components/responses/Nope' }; }],
  ['$ref to a missing parameter', (d) => { listWidgets(d)['parameters'].push({ $ref: '#/components/parameters/Nope' }); }],
  ['$ref into nothing', (d) => { ok200(d)['content']['application/json']['schema']['$ref'] = '#/nowhere/at/all'; }],
  ['$ref to another file', (d) => { ok200(d)['content']['application/json']['schema']['$ref'] = 'other.json#/components/schemas/Widget'; }],
  ['$ref with a bare name', (d) => { ok200(d)['content']['application/json']['schema']['$ref'] = 'Widget'; }],
  ['response key "abc"', (d) => { listWidgets(d)['responses']['abc'] = { description: 'x' }; }],
  ['response key "2000"', (d) => { listWidgets(d)['responses']['2000'] = { description: 'x' }; }],
  ['response key "600"', (d) => { listWidgets(d)['responses']['600'] = { description: 'x' }; }],
  ['response key "default"', (d) => { listWidgets(d)['responses']['default'] = { description: 'x' }; }],
  ['response key "4XX"', (d) => { listWidgets(d)['responses']['4XX'] = { description: 'x' }; }],
  ['no responses', (d) => { delete listWidgets(d)['responses']; }],
  ['a response without description', (d) => { delete ok200(d)['description']; }],
  ['info.title a number', (d) => { d['info']['title'] = 5; }],
  ['paths a list', (d) => { d['paths'] = []; }],
  ['a path without its leading slash', (d) => { d['paths']['widgets'] = d['paths']['/widgets']; delete d['paths']['/widgets']; }],
  ['operationId a number', (d) => { listWidgets(d)['operationId'] = 5; }],
  ['tags a string', (d) => { listWidgets(d)['tags'] = 'widgets'; }],
  ['parameters a mapping', (d) => { listWidgets(d)['parameters'] = {}; }],
  ['responses a list', (d) => { listWidgets(d)['responses'] = []; }],
  ['deprecated a string', (d) => { listWidgets(d)['deprecated'] = 'true'; }],
  ['servers a mapping', (d) => { d['servers'] = {}; }],
  ['a parameter without "in"', (d) => { delete listWidgets(d)['parameters'][0]['in']; }],
  ['a parameter in "body"', (d) => { listWidgets(d)['parameters'][0]['in'] = 'body'; }],
  ['a parameter required "yes"', (d) => { listWidgets(d)['parameters'][0]['required'] = 'yes'; }],
  ['components.schemas a list', (d) => { d['components']['schemas'] = []; }],
  ['a response description a number', (d) => { ok200(d)['description'] = 5; }],
  ['no tags', (d) => { delete d['tags']; }],
  ['no servers', (d) => { delete d['servers']; }],
];

test('validateDocument agrees with SwaggerParser.validate() on valid and broken documents', async () => {
  const disagreements: string[] = [];
  const verdicts: boolean[] = [];
  for (const [name, edit] of EDITS) {
    const doc = base();
    edit(doc);
    const problems = await ours(doc);
    const accepted = await swaggerParserAccepts(doc);
    verdicts.push(accepted);
    if ((problems.length === 0) !== accepted) disagreements.push(`${name}: swagger-parser ${accepted ? 'accepts' : 'rejects'}, we say ${problems.length ? problems.join('; ') : 'valid'}`);
  }
  assert.deepStrictEqual(disagreements, []);
  // The table is not vacuous: it holds both kinds.
  assert.ok(verdicts.filter(Boolean).length >= 3 && verdicts.filter((v) => !v).length >= 20, JSON.stringify(verdicts));
});

test('our stricter checks reject what swagger-parser lets through (3.x)', async () => {
  const cases: [string, (d: Doc) => void, RegExp][] = [
    ['a duplicate operationId', (d) => { d['paths']['/widgets']['post']['operationId'] = 'listWidgets'; }, /operationId "listWidgets" is also used/],
    ['a path parameter that is not declared', (d) => { d['paths']['/widgets/{widget_id}']['get']['parameters'] = d['paths']['/widgets/{widget_id}']['get']['parameters'].filter((p: Doc) => p['in'] !== 'path'); }, /path parameter \{widget_id\} is not declared/],
    ['a path parameter that is not in the path', (d) => { listWidgets(d)['parameters'].push({ name: 'x', in: 'path', required: true, schema: { type: 'string' } }); }, /path parameter "x" is not in the path/],
  ];
  for (const [name, edit, message] of cases) {
    const doc = base();
    edit(doc);
    assert.equal(await swaggerParserAccepts(doc), true, `${name}: swagger-parser accepts it`);
    const problems = await ours(doc);
    assert.ok(problems.some((p) => message.test(p)), `${name}: ${problems.join('; ') || 'no problems'}`);
  }
});

test('validateDocument rejects a $ref to the wrong kind of component, as swagger-parser does', async () => {
  for (const edit of [
    (d: Doc) => { listWidgets(d)['responses']['200'] = { $ref: '#/components/schemas/ListWidgetsResponse' }; },
    (d: Doc) => { listWidgets(d)['parameters'].push({ $ref: '#/components/schemas/ListWidgetsResponse' }); },
  ]) {
    const doc = base();
    edit(doc);
    assert.equal(await swaggerParserAccepts(doc), false);
    assert.notDeepStrictEqual(await ours(doc), []);
  }
});

test('validateDocument reports a malformed document instead of throwing', async () => {
  for (const edit of [
    (d: Doc) => { listWidgets(d)['parameters'] = {}; },
    (d: Doc) => { listWidgets(d)['parameters'] = [null]; },
    (d: Doc) => { listWidgets(d)['parameters'] = ['limit']; },
  ]) {
    const doc = base();
    edit(doc);
    const problems = await validateDocument(doc as OpenAPIV3_1.Document);
    assert.notDeepStrictEqual(problems, []);
  }
});

test('validateDocument agrees with SwaggerParser.validate() on randomly edited golden documents', async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat(), fc.array(editArb(), { minLength: 1, maxLength: 2 }), async (which, edits) => {
      const doc = structuredClone(goldens[which % goldens.length]![1]);
      applyEdits(doc, edits);
      const problems = await ours(doc);
      if (!stricterChecksPass(doc)) {
        assert.notDeepStrictEqual(problems, [], 'our stricter checks should reject it');
        return;
      }
      const accepted = await swaggerParserAccepts(doc);
      assert.equal(problems.length === 0, accepted, `swagger-parser ${accepted ? 'accepts' : 'rejects'}; we say ${problems.join('; ') || 'valid'}`);
    }),
    { numRuns: 30 },
  );
});
