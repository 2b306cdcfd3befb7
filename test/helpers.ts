import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type CompileResult } from '../src/compiler/pipeline.js';
import { memoryHost } from '../src/compiler/host.js';
import { formatDiagnostic } from '../src/compiler/diagnostics/format.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE = path.join(ROOT, 'test/fixtures/widgets');

/** The widgets fixture as a map of path → text, to edit in memory. */
export function fixtureFiles(dir = FIXTURE, prefix = '/spec'): Record<string, string> {
  const out: Record<string, string> = {};
  out[`${prefix}/api.yaml`] = fs.readFileSync(path.join(dir, 'api.yaml'), 'utf8');
  for (const f of fs.readdirSync(path.join(dir, 'versions'))) out[`${prefix}/versions/${f}`] = fs.readFileSync(path.join(dir, 'versions', f), 'utf8');
  return out;
}

export async function compileFiles(files: Record<string, string>, opts: { emit?: boolean } = {}): Promise<CompileResult> {
  return compile({ specDir: '/spec', host: memoryHost(files), workers: 1, ...opts });
}

/** Rendered diagnostics, paths as given (in-memory paths are absolute: /spec/...). */
export const rendered = (r: CompileResult): string[] => r.diagnostics.map((d) => formatDiagnostic(d, '/'));

/** A minimal valid spec: api.yaml plus the given version files (name → text). */
export function miniSpec(versions: Record<string, string>): Record<string, string> {
  const files: Record<string, string> = {
    '/spec/api.yaml': [
      'info: { title: Mini }',
      'errors: { "404": { description: Not found., fault: itemNotFound } }',
      'releases: { Alpha: {} }',
      'tags: [ { name: things } ]',
      '',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(versions)) files[`/spec/versions/${name}`] = text;
  return files;
}

/** A base delta with one operation, GET /things/{thing_id}, for diagnostics tests to build on. */
export const BASE = `version: "2.1"
summary: Base
description: Base.
changes:
  - kind: operation.add
    where: GET /things/{thing_id}
    operation:
      operationId: showThing
      summary: Show a thing
      tags: [things]
      parameters:
        - { in: path, name: thing_id, description: The id., schema: { type: string } }
      responses:
        "200":
          description: The thing.
          schema: { type: object, properties: { thing: { type: object, description: The thing., properties: { name: { type: string, description: Its name. } } } } }
`;

export function delta(version: string, changes: string): string {
  return `version: "${version}"\nsummary: Test\ndescription: Test.\nchanges:\n${changes}`;
}

export function assertOneDiagnostic(r: CompileResult, expected: string): void {
  const got = rendered(r);
  assert.deepEqual(got, [expected]);
}

/** Every path into `node` (keys, and indexes of arrays), parents before children: for random edits. */
export function allPaths(node: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof node !== 'object' || node === null) return out;
  for (const [k, v] of Object.entries(node)) {
    const p = [...at, Array.isArray(node) ? Number(k) : k];
    out.push(p);
    allPaths(v, p, out);
  }
  return out;
}
