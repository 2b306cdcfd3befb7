// mvc diff --format json validates against schemas/diff.schema.json, for every pair of widgets
// versions in both directions (and, once the Nova spec is complete, for its adjacent pairs and the
// whole range both ways).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { compile, type CompileResult } from '../../src/compiler/pipeline.js';
import { diffReport } from '../../src/compiler/diff/report.js';
import { formatDiffJson } from '../../src/compiler/diff/format/diff-format.js';
import { FIXTURE, ROOT } from '../helpers.js';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/diff.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function check(r: CompileResult, from: string, to: string): void {
  const json = JSON.parse(formatDiffJson(diffReport(r, from, to))) as unknown;
  const ok = validate(json);
  assert.ok(ok, `${from} → ${to}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

test('json: every widgets diff, both directions, validates against schemas/diff.schema.json', async () => {
  const r = await compile({ specDir: FIXTURE, emit: false });
  const vs = r.deltas.map((d) => d.version.text);
  for (const a of vs) for (const b of vs) check(r, a, b);
});

test('json: the report holds direction, the versions listed, counts that add up, and the changes', async () => {
  const r = await compile({ specDir: FIXTURE, emit: false });
  const up = diffReport(r, '2.1', '2.3');
  assert.equal(up.direction, 'up');
  assert.deepEqual(up.versions, [{ version: '2.2', summary: 'Status codes, renames and a new filter' }, { version: '2.3', summary: 'Enums and required fields' }]);
  assert.equal(up.counts.breaking + up.counts.warning + up.counts.info, up.changes.length);
  const down = diffReport(r, '2.3', '2.1');
  assert.equal(down.direction, 'down');
  assert.deepEqual(down.versions.map((v) => v.version), ['2.3', '2.2']);
  assert.equal(diffReport(r, '2.2', '2.2').direction, 'none');
});

test('json: the schema rejects what it should (an unknown field, a bad severity)', async () => {
  const r = await compile({ specDir: FIXTURE, emit: false });
  const good = JSON.parse(formatDiffJson(diffReport(r, '2.1', '2.2'))) as { changes: Record<string, unknown>[] };
  assert.ok(validate(good));
  assert.ok(!validate({ ...good, extra: 1 }));
  assert.ok(!validate({ ...good, changes: [{ ...good.changes[0], severity: 'fatal' }] }));
  assert.ok(!validate({ ...good, changes: [{ ...good.changes[0], fingerprint: 'xyz' }] }));
});

const novaReady = fs.existsSync(path.join(ROOT, 'spec/versions/2.100.yaml'));

test('json: Nova diffs validate too (adjacent pairs, and 2.1 ↔ 2.100)', { skip: !novaReady && 'spec/versions/2.100.yaml is not there yet' }, async () => {
  const r = await compile({ specDir: path.join(ROOT, 'spec'), emit: false });
  const vs = r.deltas.map((d) => d.version.text);
  for (let i = 1; i < vs.length; i++) check(r, vs[i - 1]!, vs[i]!);
  check(r, vs[0]!, vs[vs.length - 1]!);
  check(r, vs[vs.length - 1]!, vs[0]!);
});
