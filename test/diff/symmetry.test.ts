// Direction symmetry (going down undoes going up) and stable fingerprints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { compile, type CompileResult } from '../../src/compiler/pipeline.js';
import { changesOf, diffVersions, inverseKind, type ChangeRecord } from '../../src/compiler/diff/index.js';
import { FIXTURE } from '../helpers.js';

let fixture: Promise<CompileResult> | undefined;
const widgets = () => (fixture ??= compile({ specDir: FIXTURE, emit: false }));
const VERSIONS = ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6'];

/** What going down must give for a change going up: inverse kind, values and ends swapped. */
const undone = (c: ChangeRecord) => ({
  kind: inverseKind(c.kind), version: c.version, operation: c.operation, before: c.after, after: c.before,
  pointers: [c.pointer, c.beforePointer].filter(Boolean).sort(),
});
const shape = (c: ChangeRecord) => ({
  kind: c.kind, version: c.version, operation: c.operation, before: c.before, after: c.after,
  pointers: [c.pointer, c.beforePointer].filter(Boolean).sort(),
});
const newestFirst = (cs: readonly ChangeRecord[]) => [...cs].sort((a, b) => Number(b.version.split('.')[1]) - Number(a.version.split('.')[1]));

test('symmetry: for every pair of versions, going down lists exactly the changes going up, undone, newest version first', async () => {
  const r = await widgets();
  for (const [i, from] of VERSIONS.entries()) {
    for (const to of VERSIONS.slice(i + 1)) {
      const up = diffVersions(r, from, to);
      const down = diffVersions(r, to, from);
      assert.deepEqual(down.map(shape), newestFirst(up).map(undone), `${to} → ${from}`);
      assert.deepEqual(diffVersions(r, from, to).map((c) => c.fingerprint), up.map((c) => c.fingerprint), 'the same diff twice');
    }
  }
});

test('symmetry: inverse kinds pair up, and kinds without an inverse are their own', () => {
  const pairs = [['operation.added', 'operation.removed'], ['property.made-required', 'property.made-optional'], ['enum.value-added', 'enum.value-removed'],
    ['operation.deprecated', 'operation.undeprecated'], ['operation.retired', 'operation.unretired'], ['action.gone', 'action.ungone']];
  for (const [a, b] of pairs) { assert.equal(inverseKind(a!), b); assert.equal(inverseKind(b!), a); }
  for (const k of ['property.renamed', 'status.changed', 'body.replaced', 'description.changed', 'servers.changed', 'property.type-changed']) assert.equal(inverseKind(k), k);
});

test('symmetry: severities are judged again going down', async () => {
  const r = await widgets();
  const pick = (cs: ChangeRecord[], kind: string) => cs.filter((c) => c.kind === kind).map((c) => `${c.severity} ${c.message}`);
  const down = diffVersions(r, '2.3', '2.2');
  assert.deepEqual(pick(down, 'enum.value-added'), ['info enum value "green" added to /paint/color of the request body of action paint of POST /widgets/{widget_id}/action']);
  assert.deepEqual(pick(down, 'enum.value-removed'), [
    'breaking enum value "blue" removed from /paint/color of the request body of action paint of POST /widgets/{widget_id}/action',
    'info enum value "blue" removed from /color of schema Widget',
  ]);
  assert.deepEqual(pick(down, 'property.made-optional'), ['info property /widget/old of the request body of POST /widgets made optional']);
  assert.deepEqual(pick(down, 'response.removed'), ['info 400 response removed from GET /widgets/{widget_id}']);
  const down2 = diffVersions(r, '2.2', '2.1');
  assert.deepEqual(pick(down2, 'property.removed'), ['breaking required property /size removed from schema Widget']);
  assert.deepEqual(pick(down2, 'parameter.removed'), ['warning optional query parameter name removed from GET /widgets']);
});

test('fingerprints: the documented sha256 over kind, operation, pointer, before and after', async () => {
  const r = await widgets();
  const c = changesOf(r, '2.2').find((x) => x.kind === 'status.changed')!;
  const text = JSON.stringify(['status.changed', 'POST /widgets', '/paths/~1widgets/post/responses/201', 200, 201]);
  assert.equal(c.fingerprint, createHash('sha256').update(text).digest('hex').slice(0, 12));
  assert.equal(c.fingerprint, 'e88fa7e8b576');
});

test('fingerprints: stable across separate compiles, and unique within every version', async () => {
  const a = await widgets();
  const b = await compile({ specDir: FIXTURE, emit: false });
  for (const v of VERSIONS) {
    const fa = changesOf(a, v).map((c) => c.fingerprint);
    assert.deepEqual(changesOf(b, v).map((c) => c.fingerprint), fa, v);
    assert.equal(new Set(fa).size, fa.length, `${v}: fingerprints are unique`);
    for (const f of fa) assert.match(f, /^[0-9a-f]{12}$/);
  }
});

test('fingerprints: going down gives other fingerprints than going up (the change is undone, not the same)', async () => {
  const r = await widgets();
  const up = new Set(diffVersions(r, '2.1', '2.6').map((c) => c.fingerprint));
  for (const c of diffVersions(r, '2.6', '2.1')) assert.ok(!up.has(c.fingerprint), c.message);
});
