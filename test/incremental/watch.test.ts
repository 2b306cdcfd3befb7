// mvc build --watch: rebuilds on a change with a one-line summary, prints diagnostics on an error
// and keeps the last good output, and stops on SIGINT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURE, ROOT } from '../helpers.js';

function waitFor(lines: string[], re: RegExp, ms = 30000): Promise<string> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      const hit = lines.find((l) => re.test(l));
      if (hit) { lines.splice(0, lines.indexOf(hit) + 1); resolve(hit); return; }
      if (Date.now() - t0 > ms) { reject(new Error(`timed out waiting for ${re}; saw:\n${lines.join('\n')}`)); return; }
      setTimeout(tick, 50);
    };
    tick();
  });
}

test('build --watch', { timeout: 120000 }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mvc-watch-'));
  const spec = path.join(tmp, 'spec');
  const out = path.join(tmp, 'out');
  fs.cpSync(FIXTURE, spec, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/run-cli.ts'), 'build', '--watch', '--spec', spec, '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const collect = (b: Buffer) => lines.push(...b.toString().split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  try {
    await waitFor(lines, /6 emitted and validated/);
    await waitFor(lines, /watching/);
    const file = path.join(spec, 'versions', '2.5.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('summary: Bodies', 'summary: Bodies, again'));
    await waitFor(lines, /2 emitted and validated, 4 unchanged/);
    const good = fs.readFileSync(path.join(out, 'openapi', '2.5.yaml'), 'utf8');
    assert.match(good, /Bodies, again/);
    fs.writeFileSync(file, text.replace('kind: body.replace', 'kind: body.replac'));
    await waitFor(lines, /check\/unknown-kind/);
    await waitFor(lines, /keeps the last good build/);
    assert.equal(fs.readFileSync(path.join(out, 'openapi', '2.5.yaml'), 'utf8'), good, 'the last good output stays');
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
