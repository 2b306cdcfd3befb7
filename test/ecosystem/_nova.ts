// Shared by the ecosystem tests: the Nova spec compiled once per test file, and child processes
// run without blocking the test runner.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile, type CompiledVersion } from '../../src/compiler/pipeline.js';
import { formatDiagnostic } from '../../src/compiler/diagnostics/format.js';
import { compareVersionText } from '../../src/compiler/source/version.js';
import { ROOT } from '../helpers.js';

/** Every version of spec/, compiled and validated; fails on any error diagnostic. */
export async function compileNova(): Promise<readonly CompiledVersion[]> {
  const r = await compile({ specDir: path.join(ROOT, 'spec') });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => formatDiagnostic(d, ROOT)), [], 'spec/ compiles without errors');
  return [...r.versions].sort((a, b) => compareVersionText(a.version, b.version));
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix: string): [string, () => void] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return [dir, () => fs.rmSync(dir, { recursive: true, force: true })];
}

export interface Exit { readonly code: number | null; readonly stdout: string; readonly stderr: string; readonly ms: number }

/** Runs `node <script> ...args` asynchronously, so the test runner's timers keep running. */
export function runNode(script: string, args: readonly string[], opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Exit> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: opts.timeoutMs ?? 150_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - t0 }));
  });
}
