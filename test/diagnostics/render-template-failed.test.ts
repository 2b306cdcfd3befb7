// render/template-failed: a handlebars template failed to load, compile or render.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile } from '../../src/compiler/pipeline.js';
import { docsEmitter } from '../../src/compiler/render/docs-emitter.js';
import { formatDiagnostic } from '../../src/compiler/diagnostics/format.js';
import { FIXTURE } from '../helpers.js';

async function renderWith(templatesDir: string): Promise<string[]> {
  const result = await compile({ specDir: FIXTURE, workers: 0 });
  const [, diags] = await docsEmitter.emit({ result, templatesDir });
  return diags.map((d) => formatDiagnostic(d, '/'));
}

test('a --templates folder that does not exist', async () => {
  const dir = path.join(os.tmpdir(), 'mvc-no-such-templates');
  const got = await renderWith(dir);
  assert.equal(got.length, 1);
  assert.match(got[0]!, /^<spec> error render\/template-failed: --templates .*mvc-no-such-templates cannot be read \(ENOENT.*\); expected a folder of handlebars templates$/);
});

test('an override template that does not parse', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvc-tpl-'));
  fs.writeFileSync(path.join(dir, 'CHANGELOG.md.hbs'), '{{#each versions}}never closed\n');
  const got = await renderWith(dir);
  assert.ok(got.length >= 1, 'a diagnostic');
  assert.match(got[0]!, /^<spec> error render\/template-failed: docs: template .*CHANGELOG\.md\.hbs does not parse: .*; expected a handlebars template$/s);
  fs.rmSync(dir, { recursive: true, force: true });
});
