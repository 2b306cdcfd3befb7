// The severity rules, table-driven: each row is a change, the side it is judged on, and the
// severity and rule it must get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judge, ruleFor, SEVERITY_RULES, typeSet, type Judgeable } from '../../src/compiler/diff/severity.js';
import type { Severity, Side } from '../../src/compiler/diff/change-record.js';
import { inverseKind } from '../../src/compiler/diff/invert.js';

const P = '/components/schemas/X/properties/a';
const c = (kind: string, extra: Partial<Judgeable> = {}): Judgeable => ({ kind, pointer: P, ...extra });

const CASES: readonly [string, Judgeable, Side, Severity, string][] = [
  // The brief's examples
  ['new required request field', c('property.added', { required: true }), 'request', 'breaking', 'property.added/required'],
  ['new optional request field', c('property.added', { required: false }), 'request', 'info', 'property.added/optional'],
  ['new required response field', c('property.added', { required: true }), 'response', 'info', 'property.added/required'],
  ['new required parameter', c('parameter.added', { required: true }), 'request', 'breaking', 'parameter.added/required'],
  ['new optional parameter', c('parameter.added', { required: false }), 'request', 'info', 'parameter.added/optional'],
  ['removed response field', c('property.removed'), 'response', 'breaking', 'property.removed'],
  ['removed request field', c('property.removed'), 'request', 'warning', 'property.removed'],
  ['narrowed request enum', c('enum.value-removed', { before: 'green' }), 'request', 'breaking', 'enum.value-removed'],
  ['widened request enum', c('enum.value-added', { after: 'blue' }), 'request', 'info', 'enum.value-added'],
  ['added response enum value', c('enum.value-added', { after: 'blue' }), 'response', 'warning', 'enum.value-added'],
  ['removed response enum value', c('enum.value-removed', { before: 'x' }), 'response', 'info', 'enum.value-removed'],
  ['type change', c('property.type-changed', { before: 'string', after: 'integer' }), 'response', 'breaking', 'property.type-changed'],
  ['type change in a request', c('property.type-changed', { before: 'string', after: 'integer' }), 'request', 'breaking', 'property.type-changed'],
  ['request type widened', c('property.type-changed', { before: 'boolean', after: ['boolean', 'string'] }), 'request', 'info', 'property.type-changed/widened'],
  ['response type widened', c('property.type-changed', { before: 'boolean', after: ['boolean', 'string'] }), 'response', 'breaking', 'property.type-changed/widened'],
  ['response made nullable', c('property.type-changed', { before: 'integer', after: { type: 'integer', nullable: true } }), 'response', 'breaking', 'property.type-changed/widened'],
  ['request type narrowed', c('property.type-changed', { before: ['boolean', 'string'], after: 'boolean' }), 'request', 'breaking', 'property.type-changed/narrowed'],
  ['response type narrowed', c('property.type-changed', { before: ['boolean', 'string'], after: 'boolean' }), 'response', 'warning', 'property.type-changed/narrowed'],
  ['$ref swapped', c('property.type-changed', { before: { $ref: 'A' }, after: { $ref: 'B' } }), 'response', 'breaking', 'property.type-changed'],
  ['parameter type widened', c('parameter.type-changed', { before: 'integer', after: ['integer', 'string'] }), 'request', 'info', 'parameter.type-changed/widened'],
  ['parameter type changed', c('parameter.type-changed', { before: 'integer', after: 'string' }), 'request', 'breaking', 'parameter.type-changed'],
  ['removed operation', c('operation.removed'), 'operation', 'breaking', 'operation.removed'],
  ['retired operation', c('operation.retired', { after: '2.4' }), 'operation', 'breaking', 'operation.retired'],
  ['removed action', c('action.removed'), 'operation', 'breaking', 'action.removed'],
  ['status changed', c('status.changed', { before: 200, after: 201 }), 'response', 'breaking', 'status.changed'],
  ['optional → required in a response', c('property.made-required'), 'response', 'warning', 'property.made-required'],
  ['optional → required in a request', c('property.made-required'), 'request', 'breaking', 'property.made-required'],
  ['required → optional in a response', c('property.made-optional'), 'response', 'breaking', 'property.made-optional'],
  ['required → optional in a request', c('property.made-optional'), 'request', 'info', 'property.made-optional'],
  ['parameter made required', c('parameter.made-required'), 'request', 'breaking', 'parameter.made-required'],
  ['deprecation', c('operation.deprecated'), 'operation', 'warning', 'operation.deprecated'],
  ['property deprecated', c('property.deprecated'), 'response', 'warning', 'property.deprecated'],
  ['new operation', c('operation.added'), 'operation', 'info', 'operation.added'],
  ['added response field', c('property.added', { required: false }), 'response', 'info', 'property.added/optional'],
  ['description change', c('description.changed'), 'response', 'info', 'description.changed'],
  ['description change of an operation', c('description.changed'), 'operation', 'info', 'description.changed'],
  // Qualified rules
  ['only an example changed', c('property.changed', { keys: ['example'] }), 'request', 'info', 'property.changed/annotations'],
  ['x- keys changed', c('property.changed', { keys: ['x-openstack-deprecated-in', 'examples'] }), 'response', 'info', 'property.changed/annotations'],
  ['a constraint changed', c('property.changed', { keys: ['maxLength'] }), 'request', 'warning', 'property.changed'],
  ['a constraint and an example changed', c('property.changed', { keys: ['maxLength', 'example'] }), 'response', 'warning', 'property.changed'],
  ['success response removed', c('response.removed', { pointer: '/paths/~1x/get/responses/200' }), 'response', 'breaking', 'response.removed/success'],
  ['error response removed', c('response.removed', { pointer: '/paths/~1x/get/responses/404' }), 'response', 'info', 'response.removed/error'],
  ['response added', c('response.added', { pointer: '/paths/~1x/get/responses/409' }), 'response', 'warning', 'response.added'],
  ['required request body added', c('body.added', { required: true }), 'request', 'breaking', 'body.added/required'],
  ['optional request body added', c('body.added', { required: false }), 'request', 'info', 'body.added'],
  ['response body added', c('body.added'), 'response', 'info', 'body.added'],
  ['response body removed', c('body.removed'), 'response', 'breaking', 'body.removed'],
  ['response header removed', c('header.removed'), 'response', 'breaking', 'header.removed'],
  ['response header added', c('header.added'), 'response', 'info', 'header.added'],
  ['servers changed', c('servers.changed'), 'operation', 'warning', 'servers.changed'],
  ['rename', c('property.renamed', { before: 'a', after: 'b' }), 'request', 'breaking', 'property.renamed'],
  ['unknown kind', c('no.such-kind'), 'request', 'warning', 'default'],
];

for (const [name, change, side, severity, rule] of CASES) {
  test(`severity: ${name} (${change.kind}, ${side}) is ${severity}`, () => {
    assert.deepEqual(judge(change, side), { severity, rule });
  });
}

test('severity: a replaced body is as bad as the worst change inside it, info when there is none', () => {
  assert.deepEqual(judge(c('body.replaced'), 'response', () => 'breaking'), { severity: 'breaking', rule: 'body.replaced' });
  assert.deepEqual(judge(c('schema.replaced'), 'request'), { severity: 'info', rule: 'schema.replaced' });
});

test('severity: a side a rule has no column for falls back to its other columns', () => {
  assert.equal(judge(c('operation.removed'), 'request').severity, 'breaking');
  assert.equal(judge(c('parameter.added', { required: true }), 'response').severity, 'breaking');
});

test('severity: every rule has a reason, a known condition, and a column', () => {
  for (const r of SEVERITY_RULES) {
    assert.ok(r.why.length > 5, `${r.kind} has a reason`);
    assert.ok(r.request ?? r.response ?? r.operation, `${r.kind} has a column`);
  }
});

test('severity: each kind has a rule that applies unconditionally, so no change falls through', () => {
  const kinds = [...new Set(SEVERITY_RULES.map((r) => r.kind))];
  for (const kind of kinds) {
    const rules = SEVERITY_RULES.filter((r) => r.kind === kind);
    const conds = new Set(rules.map((r) => r.when));
    const covered = conds.has(undefined) || (conds.has('required') && conds.has('optional')) || (conds.has('success') && conds.has('error'));
    assert.ok(covered, `${kind} has a fallback rule`);
  }
});

test('severity: every kind has its inverse in the table (going down uses it)', () => {
  const kinds = new Set(SEVERITY_RULES.map((r) => r.kind));
  for (const k of kinds) assert.ok(kinds.has(inverseKind(k)), `${k} → ${inverseKind(k)}`);
});

test('severity: ruleFor picks the first matching rule in table order', () => {
  assert.equal(ruleFor(c('property.type-changed', { before: 'integer', after: ['integer', 'null'] }))?.when, 'widened');
  assert.equal(ruleFor(c('property.type-changed', { before: 'integer', after: 'string' }))?.when, undefined);
});

test('severity: type sets', () => {
  assert.deepEqual([...typeSet('string')], ['string']);
  assert.deepEqual([...typeSet(['string', 'null'])].sort(), ['null', 'string']);
  assert.deepEqual([...typeSet({ $ref: 'Color', nullable: true })].sort(), ['$ref:Color', 'null']);
  assert.deepEqual([...typeSet(undefined)], ['*']);
  assert.deepEqual([...typeSet({ nullable: true })].sort(), ['*', 'null']);
});
