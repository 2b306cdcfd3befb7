// The build cache: a no-op build emits nothing; an edit at version k re-emits only k and later;
// the result is byte-identical to a clean build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOnce } from '../../src/commands/build.js';
import { FIXTURE } from '../helpers.js';

const quiet = () => {};

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.name === '.mvc-manifest.json' || e.name === '.mvc-cache') continue;
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

test('no-op, one-delta and clean builds', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mvc-inc-'));
  const spec = path.join(tmp, 'spec');
  fs.cpSync(FIXTURE, spec, { recursive: true });
  const out = path.join(tmp, 'out');

  const first = await buildOnce({ specDir: spec, outDir: out, cache: true }, quiet);
  assert.deepEqual([first.code, first.rebuilt, first.total], [0, 6, 6]);

  const noop = await buildOnce({ specDir: spec, outDir: out, cache: true }, quiet);
  assert.deepEqual([noop.code, noop.rebuilt], [0, 0]);

  const file = path.join(spec, 'versions', '2.4.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('summary: Retirements', 'summary: Retirements, edited'));
  const edited = await buildOnce({ specDir: spec, outDir: out, cache: true }, quiet);
  assert.deepEqual([edited.code, edited.rebuilt, edited.total], [0, 3, 6], 'only 2.4, 2.5 and 2.6 are emitted again');

  const clean = path.join(tmp, 'clean');
  const fresh = await buildOnce({ specDir: spec, outDir: clean, cache: false }, quiet);
  assert.equal(fresh.rebuilt, 6);
  assert.deepEqual(tree(out), tree(clean), 'the incremental output equals a clean build, byte for byte');
  assert.match(fs.readFileSync(path.join(out, 'openapi', '2.4.yaml'), 'utf8'), /Retirements, edited/);

  // A file changed behind the compiler's back is rebuilt, not trusted.
  fs.appendFileSync(path.join(out, 'openapi', '2.2.json'), ' ');
  const repaired = await buildOnce({ specDir: spec, outDir: out, cache: true }, quiet);
  assert.equal(repaired.rebuilt, 1);
  assert.deepEqual(tree(out), tree(clean));
  fs.rmSync(tmp, { recursive: true, force: true });
});
