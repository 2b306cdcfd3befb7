// The OpenAPI 3.0 output (out/openapi-3.0/): exact conversions of the 3.1-only constructs, and
// every converted document of the widgets fixture and of the Nova spec valid for swagger-parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { compile, type CompileResult } from '../../src/compiler/pipeline.js';
import { convertSchema, toOpenApi30 } from '../../src/compiler/emit/openapi30/convert.js';
import { validate30, validateWithSwaggerParser } from '../../src/compiler/emit/openapi30/validate30.js';
import { openapi30Emitter } from '../../src/compiler/emit/openapi30/emitter.js';
import { isObj, type Obj } from '../../src/compiler/emit/combined/json.js';
import { FIXTURE, ROOT } from '../helpers.js';

const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });

test('schema conversions', () => {
  const cases: [unknown, unknown][] = [
    [{ type: ['integer', 'null'], description: 'The size.' }, { type: 'integer', description: 'The size.', nullable: true }],
    [{ type: ['string', 'null'], enum: ['a', 'b', null] }, { type: 'string', enum: ['a', 'b', null], nullable: true }],
    [{ type: 'null', description: 'Nothing.' }, { description: 'Nothing.', enum: [null], nullable: true }],
    [{ description: 'A widget or null.', anyOf: [ref('Widget'), { type: 'null' }] }, { description: 'A widget or null.', allOf: [ref('Widget')], nullable: true }],
    [{ description: 'd', anyOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'null' }] }, { type: 'object', properties: { a: { type: 'string' } }, description: 'd', nullable: true }],
    [{ oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] }, { oneOf: [{ type: 'string' }, { type: 'integer' }], nullable: true }],
    [{ type: ['string', 'integer'], maxLength: 3 }, { maxLength: 3, oneOf: [{ type: 'string' }, { type: 'integer' }] }],
    [{ type: ['string', 'integer', 'null'] }, { oneOf: [{ type: 'string' }, { type: 'integer' }], nullable: true }],
    [{ const: 'x' }, { enum: ['x'] }],
    [{ type: 'string', examples: ['a', 'b'] }, { type: 'string', example: 'a' }],
    [{ type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10 }, { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true }],
    [{ type: 'integer', minimum: 5, exclusiveMinimum: 0 }, { type: 'integer', minimum: 5 }],
    [{ $ref: '#/components/schemas/Color', description: 'The color.' }, { description: 'The color.', allOf: [ref('Color')] }],
    [{ type: 'object', properties: { c: { $ref: '#/components/schemas/Color', deprecated: true } }, required: [] }, { type: 'object', properties: { c: { deprecated: true, allOf: [ref('Color')] } } }],
    [{ type: 'object', patternProperties: { '^a': { type: ['string', 'null'] } }, $defs: { x: {} }, if: {}, then: {}, $comment: 'c' }, { type: 'object', 'x-patternProperties': { '^a': { type: 'string', nullable: true } } }],
    [{ type: 'array', items: { type: ['boolean', 'null'] }, 'x-openstack-action': 'a' }, { type: 'array', items: { type: 'boolean', nullable: true }, 'x-openstack-action': 'a' }],
  ];
  for (const [input, want] of cases) {
    const before = structuredClone(input);
    assert.deepEqual(convertSchema(input), want, JSON.stringify(input));
    assert.deepEqual(input, before, 'the input is not changed');
  }
});

test('document conversions', () => {
  const doc = {
    openapi: '3.1.0',
    info: { title: 'T', summary: 'S', version: '2.1', license: { name: 'Apache-2.0', identifier: 'Apache-2.0' } },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    webhooks: { ping: { post: { responses: { '200': { description: 'ok' } } } } },
    components: {
      schemas: { A: { type: ['string', 'null'] } },
      responses: { R: { description: 'r', content: { 'application/json': { schema: { const: 1 }, examples: { one: { value: { type: ['x', 'null'] } } } } } } },
      pathItems: { P: {} },
    },
    'x-openstack-microversion': { version: '2.1', list: { type: ['kept'] } },
  };
  assert.deepEqual(toOpenApi30(doc), {
    openapi: '3.0.3',
    info: { title: 'T', version: '2.1', license: { name: 'Apache-2.0' } },
    components: {
      schemas: { A: { type: 'string', nullable: true } },
      responses: { R: { description: 'r', content: { 'application/json': { schema: { enum: [1] }, examples: { one: { value: { type: ['x', 'null'] } } } } } } },
    },
    'x-openstack-microversion': { version: '2.1', list: { type: ['kept'] } },
    paths: {},
  });
  // A Reference Object keeps only its $ref.
  const ops = toOpenApi30({ openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: { '/a': { get: { responses: { '404': { $ref: '#/components/responses/R', description: 'Not here.' } } } } } });
  assert.deepEqual((ops['paths'] as Obj)['/a'], { get: { responses: { '404': { $ref: '#/components/responses/R' } } } });
});

test('the fast validator and swagger-parser reject the same invalid document', async () => {
  const bad = { openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: ['string', 'null'] } } } } } } } } };
  assert.notDeepEqual(validate30(bad), []);
  assert.notDeepEqual(await validateWithSwaggerParser(bad), []);
  const dangling = { openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: { '/a': { get: { responses: { '200': { $ref: '#/components/responses/Nope' } } } } } };
  assert.deepEqual(validate30(dangling).map((p) => p.pointer), ['/paths/~1a/get/responses/200/$ref']);
  assert.notDeepEqual(await validateWithSwaggerParser(dangling), []);
});

/** Constructs that exist in OpenAPI 3.1 schemas only. */
function leftovers(doc: Obj): string[] {
  const out: string[] = [];
  const schema = (s: unknown, p: string): void => {
    if (Array.isArray(s)) { s.forEach((x, i) => schema(x, `${p}/${i}`)); return; }
    if (!isObj(s)) return;
    if (Array.isArray(s['type']) || s['type'] === 'null') out.push(`${p}/type`);
    for (const k of ['const', 'examples', '$defs', 'prefixItems', 'patternProperties']) if (k in s) out.push(`${p}/${k}`);
    for (const k of ['exclusiveMinimum', 'exclusiveMaximum']) if (typeof s[k] === 'number') out.push(`${p}/${k}`);
    if ('$ref' in s && Object.keys(s).length > 1) out.push(`${p}/$ref`);
    for (const [k, v] of Object.entries(s)) if (['properties', 'items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf'].includes(k)) schema(k === 'properties' && isObj(v) ? Object.values(v) : v, `${p}/${k}`);
  };
  const oas = (o: unknown, p: string): void => {
    if (Array.isArray(o)) { o.forEach((x, i) => oas(x, `${p}/${i}`)); return; }
    if (!isObj(o)) return;
    for (const [k, v] of Object.entries(o)) {
      if (k === 'schema') schema(v, `${p}/schema`);
      else if (!k.startsWith('x-') && k !== 'examples' && k !== 'example') oas(v, `${p}/${k}`);
    }
  };
  oas(doc['paths'], '/paths');
  const comps = isObj(doc['components']) ? doc['components'] : {};
  for (const [n, s] of Object.entries(isObj(comps['schemas']) ? comps['schemas'] : {})) schema(s, `/components/schemas/${n}`);
  for (const k of ['responses', 'parameters', 'headers']) oas(comps[k], `/components/${k}`);
  return out;
}

async function checkAll(r: CompileResult): Promise<Obj[]> {
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  const [files, diags] = await openapi30Emitter.emit({ result: r });
  assert.deepEqual(diags, []);
  assert.equal(files.length, r.versions.length * 2 + 1);
  const docs: Obj[] = [];
  for (const f of files) {
    if (!f.path.endsWith('.json') || f.path === 'index.json') continue;
    assert.ok('content' in f);
    const doc = JSON.parse(f.content) as Obj;
    assert.equal(doc['openapi'], '3.0.3');
    assert.deepEqual(leftovers(doc), [], `${f.path} has no OpenAPI 3.1-only schema constructs`);
    assert.deepEqual(await validateWithSwaggerParser(doc), [], `${f.path} is valid for swagger-parser`);
    docs.push(doc);
  }
  return docs;
}

test('widgets: every 3.0 document is valid, with the conversions in place', async () => {
  const r = await compile({ specDir: FIXTURE, workers: 1 });
  const docs = await checkAll(r);
  const schemas = (d: Obj) => (d['components'] as Obj)['schemas'] as Obj;
  const v22 = docs[1]!;
  assert.deepEqual((schemas(v22)['Widget'] as Obj)['properties'], {
    id: { type: 'string', format: 'uuid', description: 'The id.' },
    name: { type: 'string', maxLength: 255, description: 'The name.' },
    color: { type: 'string', enum: ['red', 'green'], description: 'The color.' },
    size: { type: 'integer', description: 'The size.', nullable: true },
  });
  assert.deepEqual(((schemas(v22)['RunWidgetActionPolishRequest'] as Obj)['properties'] as Obj)['polish'], { description: 'Nothing.', enum: [null], nullable: true });
  const v25 = docs[4]!;
  assert.deepEqual(((schemas(v25)['Widget'] as Obj)['properties'] as Obj)['color'], { $ref: '#/components/schemas/Color' });
  assert.equal(v25['openapi'], '3.0.3');
});

test('nova: every 3.0 document is valid', async () => {
  const r = await compile({ specDir: path.join(ROOT, 'spec') });
  const docs = await checkAll(r);
  assert.equal(docs.length, r.versions.length);
});
