// write/failed: writing the output failed; the previous output is left as it was.
import { test } from 'node:test';
import { inTemp as inTempDir, snapshot } from './_util.js';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeOutput, type OutputFile } from '../../src/compiler/write/write-output.js';
import { formatDiagnostic } from '../../src/compiler/diagnostics/format.js';

const render = (ds: ReturnType<typeof writeOutput>) => ds.map((d) => formatDiagnostic(d, '/').replace(/\.mvc-tmp-[A-Za-z0-9]{6}/g, '.mvc-tmp-XXXXXX'));

const inTemp = (fn: (dir: string) => void) => inTempDir('mvc-write-failed-', fn);

test('--out below a file cannot be made', () => {
  inTemp((dir) => {
    fs.writeFileSync(path.join(dir, 'plain.txt'), 'x\n');
    const out = path.join(dir, 'plain.txt', 'out');
    const before = snapshot(dir);
    assert.deepEqual(render(writeOutput(out, new Map([['openapi', [{ path: 'index.json', content: '[]\n' }]]]))), [
      `<spec> error write/failed: writing ${out} failed: ENOTDIR: not a directory, mkdir '${out}'; expected a writable folder (the previous output was kept)`,
    ]);
    assert.deepEqual(snapshot(dir), before);
  });
});

test('a file that cannot be written leaves the previous output and no temporary folder', () => {
  inTemp((dir) => {
    const out = path.join(dir, 'out');
    assert.deepEqual(writeOutput(out, new Map([['openapi', [{ path: '2.1.json', content: '{"old":true}\n' }]]])), []);
    fs.writeFileSync(path.join(out, 'README.md'), 'beside\n');
    const before = snapshot(dir);
    // "a" is needed as a file and as the folder of "a/b": written in order, making the folder fails.
    const bad: OutputFile[] = [{ path: '2.1.json', content: '{"new":true}\n' }, { path: 'a', content: 'x' }, { path: 'a/b', content: 'y' }];
    assert.deepEqual(render(writeOutput(out, new Map([['openapi', bad]]))), [
      `<spec> error write/failed: writing ${out} failed: EEXIST: file already exists, mkdir '${out}/.mvc-tmp-XXXXXX/openapi/a'; expected a writable folder (the previous output was kept)`,
    ]);
    assert.deepEqual(snapshot(dir), before);
  });
});
