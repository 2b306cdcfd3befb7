// check/forbidden-key: a key such as __proto__ or constructor that could pollute objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectDiagnostics, stuffOp, THING, v2 } from './_util.js';

/** line:col (1-based) of the first `needle` in `text`. */
function pos(text: string, needle: string): string {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in the text`);
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

const protoNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

test('__proto__ as a property name in a schema', async () => {
  const before = protoNames();
  await expectDiagnostics(v2(stuffOp('      parameters:\n        - { in: query, name: q, description: Q., schema: { type: object, properties: { __proto__: { type: string, polluted: true } } } }\n')), [
    'spec/versions/2.2.yaml:12:88 error check/forbidden-key: 2.2: changes[0].operation.parameters[0].schema.properties: the key "__proto__" is not allowed; expected an ordinary name',
  ]);
  assert.deepEqual(protoNames(), before);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('constructor as a key of an operation', async () => {
  await expectDiagnostics(v2(stuffOp('      constructor: { prototype: { polluted: true } }\n')), [
    'spec/versions/2.2.yaml:11:7 error check/forbidden-key: 2.2: changes[0].operation: the key "constructor" is not allowed; expected an ordinary name',
  ]);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('prototype as a key of a change, and __proto__ as an action name', async () => {
  const files = v2(`  - kind: operation.change\n    where: ${THING}\n    prototype: x\n    set: { summary: S }\n` + stuffOp('      actions: { __proto__: { summary: P, request: { type: object }, responses: { "202": { description: A. } } } }\n'));
  await expectDiagnostics(files, [
    'spec/versions/2.2.yaml:7:5 error check/forbidden-key: 2.2: changes[0]: the key "prototype" is not allowed; expected an ordinary name',
    'spec/versions/2.2.yaml:15:18 error check/forbidden-key: 2.2: changes[1].operation.actions: the key "__proto__" is not allowed; expected an ordinary name',
  ]);
});

test('a status code map holding __proto__', async () => {
  await expectDiagnostics(v2(stuffOp().replace('responses: { "200"', 'responses: { __proto__: { description: X. }, "200"')), [
    'spec/versions/2.2.yaml:11:20 error check/forbidden-key: 2.2: changes[0].operation.responses: the key "__proto__" is not allowed; expected an ordinary name',
  ]);
});

test('__proto__ inside a free-form value (default, example, enum, const)', async () => {
  const files = v2(stuffOp('      parameters:\n        - { in: query, name: q, description: Q., schema: { type: object, default: { __proto__: { polluted: true } }, example: { constructor: 1 } } }\n'));
  const text = files['/spec/versions/2.2.yaml']!;
  await expectDiagnostics(files, [
    `spec/versions/2.2.yaml:${pos(text, '__proto__')} error check/forbidden-key: 2.2: changes[0].operation.parameters[0].schema.default: the key "__proto__" is not allowed; expected an ordinary name`,
    `spec/versions/2.2.yaml:${pos(text, 'constructor')} error check/forbidden-key: 2.2: changes[0].operation.parameters[0].schema.example: the key "constructor" is not allowed; expected an ordinary name`,
  ], { emit: false });
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});
