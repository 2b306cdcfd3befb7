// write/out-not-ours: the output folder holds files the compiler did not write; it is not replaced.
import { test } from 'node:test';
import { inTemp as inTempDir, snapshot } from './_util.js';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MANIFEST, writeOutput, type OutputFile } from '../../src/compiler/write/write-output.js';
import { formatDiagnostic } from '../../src/compiler/diagnostics/format.js';

const TREE = new Map<string, OutputFile[]>([['openapi', [{ path: '2.1.json', content: '{}\n' }, { path: 'index.json', content: '[]\n' }]]]);
const render = (ds: ReturnType<typeof writeOutput>) => ds.map((d) => formatDiagnostic(d, '/'));

const inTemp = (fn: (dir: string) => void) => inTempDir('mvc-out-not-ours-', fn);

test('an openapi/ folder of someone else is refused and left as it was', () => {
  inTemp((dir) => {
    const out = path.join(dir, 'out');
    fs.mkdirSync(path.join(out, 'openapi'), { recursive: true });
    fs.writeFileSync(path.join(out, 'openapi', 'mine.yaml'), 'hand: written\n');
    fs.writeFileSync(path.join(out, 'openapi', 'notes.txt'), 'keep me\n');
    const before = snapshot(dir);
    assert.deepEqual(render(writeOutput(out, TREE)), [
      `<spec> error write/out-not-ours: ${out}/openapi holds 2 file(s) but no ${MANIFEST}, so mvc did not make it; expected an empty folder or one written by mvc (move it away or pick another --out)`,
    ]);
    assert.deepEqual(snapshot(dir), before);
  });
});

test('--out is a file', () => {
  inTemp((dir) => {
    const out = path.join(dir, 'out');
    fs.writeFileSync(out, 'not a folder\n');
    const before = snapshot(dir);
    assert.deepEqual(render(writeOutput(out, TREE)), [`<spec> error write/out-not-ours: --out ${out} is a file; expected a folder`]);
    assert.deepEqual(snapshot(dir), before);
  });
});

test('out/openapi is a file', () => {
  inTemp((dir) => {
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'openapi'), 'not a folder\n');
    const before = snapshot(dir);
    assert.deepEqual(render(writeOutput(out, TREE)), [
      `<spec> error write/out-not-ours: ${out}/openapi is a file, not a folder the compiler wrote; expected it absent or made by mvc`,
    ]);
    assert.deepEqual(snapshot(dir), before);
  });
});

test('an empty openapi/ folder, a folder mvc made, and files beside openapi/ are fine', () => {
  inTemp((dir) => {
    const out = path.join(dir, 'out');
    fs.mkdirSync(path.join(out, 'openapi'), { recursive: true });
    fs.writeFileSync(path.join(out, 'README.md'), '# generated output\n');
    assert.deepEqual(render(writeOutput(out, TREE)), []);
    assert.deepEqual(fs.readdirSync(path.join(out, 'openapi')).sort(), [MANIFEST, '2.1.json', 'index.json']);
    // Written by mvc now: replaced as a whole, stale files go.
    fs.writeFileSync(path.join(out, 'openapi', 'stale.json'), '{}\n');
    const next = new Map<string, OutputFile[]>([['openapi', [{ path: '2.2.json', content: '{"v":2}\n' }]]]);
    assert.deepEqual(render(writeOutput(out, next)), []);
    assert.deepEqual(fs.readdirSync(path.join(out, 'openapi')).sort(), [MANIFEST, '2.2.json']);
    assert.equal(fs.readFileSync(path.join(out, 'openapi', '2.2.json'), 'utf8'), '{"v":2}\n');
    assert.equal(fs.readFileSync(path.join(out, 'README.md'), 'utf8'), '# generated output\n');
    assert.deepEqual(fs.readdirSync(out).sort(), ['README.md', 'openapi']);
  });
});
