// fold/through-ref: a pointer passes through a $ref; address the shared schema instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFiles, rendered } from '../helpers.js';
import { parseWhere } from '../../src/compiler/model/where.js';
import { expectClean, expectDiagnostics, SHAPES, THING, v2 } from './_util.js';

const at = 'spec/versions/2.2.yaml:18:12 error fold/through-ref: 2.2:';
const CHANGE = `  - kind: property.change\n    where: ${THING} response 200 /thing/name\n    set: { description: X. }\n`;
const ADD = `  - kind: property.add\n    where: ${THING} response 200 /thing/size\n    schema: { type: integer, description: S. }\n`;
const REMOVE = `  - kind: property.remove\n    where: ${THING} response 200 /thing/name\n`;

test('code, position and the start of the message', async () => {
  for (const c of [CHANGE, ADD, REMOVE]) {
    const got = rendered(await compileFiles(v2(SHAPES + c)));
    assert.equal(got.length, 1, got.join('\n'));
    assert.ok(got[0]!.startsWith(`${at} property.`), got[0]);
  }
});

test('a pointer through a $ref (property.change)', async () => {
  await expectDiagnostics(v2(SHAPES + CHANGE), [
    `${at} property.change at "${THING} response 200 /thing/name": the pointer passes through $ref Thing at /thing; expected the change to address "schema Thing /name"`,
  ]);
});

test('a property added under a $ref (property.add)', async () => {
  await expectDiagnostics(v2(SHAPES + ADD), [
    `${at} property.add at "${THING} response 200 /thing/size": /thing is $ref Thing; expected the change to address "schema Thing /size"`,
  ]);
});

test('a property removed under a $ref (property.remove)', async () => {
  await expectDiagnostics(v2(SHAPES + REMOVE), [
    `${at} property.remove at "${THING} response 200 /thing/name": /thing is $ref Thing; expected the change to address "schema Thing /name"`,
  ]);
});

test('the address the message suggests is a valid where that works', async () => {
  const [msg] = rendered(await compileFiles(v2(SHAPES + CHANGE)));
  const suggested = /expected the change to address "([^"]+)"/.exec(msg ?? '')?.[1];
  assert.ok(suggested, msg);
  assert.ok(!('error' in parseWhere(suggested)), `"${suggested}" does not parse`);
  await expectClean(v2(SHAPES + CHANGE.replace(`${THING} response 200 /thing/name`, suggested)));
});
