// docs/diff.md stays true: its severity table is the one in code, its JSON example validates and
// is what mvc diff prints, and it names every kind. UPDATE_DOCS=1 rewrites the table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { compile } from '../../src/compiler/pipeline.js';
import { SEVERITY_RULES, withSeverityTable, severityTableMarkdown } from '../../src/compiler/diff/severity.js';
import { diffReport } from '../../src/compiler/diff/report.js';
import { FIXTURE, ROOT } from '../helpers.js';

const DOC = path.join(ROOT, 'docs/diff.md');

test('docs: docs/diff.md carries the severity table generated from SEVERITY_RULES', () => {
  const text = fs.readFileSync(DOC, 'utf8');
  const next = withSeverityTable(text);
  if (process.env['UPDATE_DOCS'] && next !== text) fs.writeFileSync(DOC, next);
  const now = fs.readFileSync(DOC, 'utf8');
  assert.ok(now.includes(`<!-- severity-rules:start -->\n${severityTableMarkdown()}<!-- severity-rules:end -->`), 'the table in docs/diff.md is stale: run UPDATE_DOCS=1 node test/run.mjs diff/docs');
});

test('docs: the table has a row per rule, and the kinds table names every kind', () => {
  const table = severityTableMarkdown().trim().split('\n');
  assert.equal(table.length, SEVERITY_RULES.length + 2);
  const text = fs.readFileSync(DOC, 'utf8');
  const kindsSection = text.slice(text.indexOf('### Kinds'), text.indexOf('## Directions'));
  for (const kind of new Set(SEVERITY_RULES.map((r) => r.kind))) assert.ok(kindsSection.includes(`\`${kind}\``), `${kind} is in the kinds table`);
});

test('docs: the JSON example validates against the schema and is what mvc diff prints', async () => {
  const text = fs.readFileSync(DOC, 'utf8');
  const block = /```json\n([\s\S]*?)\n```/.exec(text);
  assert.ok(block, 'docs/diff.md has a JSON example');
  const example = JSON.parse(block[1]!) as { changes: unknown[] };
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/diff.schema.json'), 'utf8')) as object;
  const validate = new Ajv2020({ strict: true }).compile(schema);
  assert.ok(validate(example), JSON.stringify(validate.errors));
  const real = diffReport(await compile({ specDir: FIXTURE, emit: false }), '2.1', '2.2');
  const kinds = new Set(['property.renamed', 'status.changed']);
  assert.deepEqual(example.changes, JSON.parse(JSON.stringify(real.changes.filter((c) => kinds.has(c.kind)))));
});
