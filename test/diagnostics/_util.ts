import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { createHash } from 'node:crypto';
// Small helpers for the one-file-per-diagnostic-code tests in this folder.
import assert from 'node:assert/strict';
import { BASE, compileFiles, delta, miniSpec, rendered } from '../helpers.js';
import type { CompileResult } from '../../src/compiler/pipeline.js';

/** The operation BASE adds. */
export const THING = 'GET /things/{thing_id}';

/** miniSpec with BASE as 2.1 and one more delta, 2.2, holding `changes` (YAML list items, indented two spaces). */
export function v2(changes: string): Record<string, string> {
  return miniSpec({ '2.1.yaml': BASE, '2.2.yaml': delta('2.2', changes) });
}

/** miniSpec with api.yaml edited by `edit`. */
export function withApi(files: Record<string, string>, edit: (text: string) => string): Record<string, string> {
  return { ...files, '/spec/api.yaml': edit(files['/spec/api.yaml']!) };
}

/** An action operation, POST /things/{thing_id}/action, with one action, #poke (YAML list items for v2). */
export const ACTION_OP = `  - kind: operation.add
    where: POST /things/{thing_id}/action
    operation:
      operationId: thingAction
      summary: Act on a thing
      tags: [things]
      parameters:
        - { in: path, name: thing_id, description: The id., schema: { type: string } }
      actions:
        poke:
          summary: Poke the thing
          request: { type: object, properties: { poke: { type: "null", description: Nothing. } }, required: [poke] }
          responses: { "202": { description: Accepted. } }
`;

/** Adds the shared schema Thing and gives GET /things/{thing_id} a 200 body with a $ref, an enum list, a oneOf and a map. */
export const SHAPES = `  - kind: schema.add
    where: schema Thing
    schema: { type: object, properties: { name: { type: string, description: The name. } } }
  - kind: body.replace
    where: ${THING} response 200
    schema:
      type: object
      properties:
        thing: { $ref: Thing }
        tags: { type: array, description: Tags., items: { type: string, enum: [a] } }
        either: { description: One of two., oneOf: [ { type: string }, { type: integer } ] }
        map: { type: object, description: A map., additionalProperties: true }
`;

/** A YAML list item that adds GET /stuff, with `extra` lines (indented six spaces) inside `operation:`. */
export function stuffOp(extra = '', operationId = 'listStuff'): string {
  return `  - kind: operation.add
    where: GET /stuff
    operation:
      operationId: ${operationId}
      summary: List stuff
      tags: [things]
${extra}      responses: { "200": { description: OK. } }
`;
}

/** Compiles in memory and asserts the rendered diagnostics, every character of them. */
export async function expectDiagnostics(files: Record<string, string>, expected: readonly string[], opts: { emit?: boolean } = {}): Promise<CompileResult> {
  const r = await compileFiles(files, opts);
  assert.deepEqual(rendered(r), expected);
  return r;
}

/** Compiles in memory (load, check, fold) and asserts there is no diagnostic at all. */
export async function expectClean(files: Record<string, string>): Promise<void> {
  const r = await compileFiles(files, { emit: false });
  assert.deepEqual(rendered(r), []);
}

/** Every file and folder under `dir` → sha256 of its bytes ('dir' for folders). */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isDirectory()) { out[rel + '/'] = 'dir'; walk(p); } else out[rel] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** Runs `fn` in a fresh temporary folder, removed afterwards. */
export function inTemp(prefix: string, fn: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try { fn(dir); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}
