// One version's job on a validating thread: assemble its JSON and YAML from pieces, write the
// files (when asked) with their sha256, then validate the document. A runner keeps the bytes of
// every part it has been sent and one validator, so each version costs about what it changes.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { Pieces } from '../util/json-writer.js';
import type { PartId } from './validation-parts.js';
import { createValidator, type Hole, type ValidationProblem } from './validate-output.js';

export interface DocumentJob {
  readonly id: number;
  readonly json: Pieces;
  readonly yaml: Pieces;
  /** [id, JSON text, YAML text] of the holes this runner has not been sent before. */
  readonly texts: readonly (readonly [number, string, string])[];
  readonly parts: readonly PartId[];
  /** Where to write the document's files; without it the document is only validated. */
  readonly files?: { readonly json: string; readonly yaml: string };
}

export interface WrittenFile { readonly sha256: string; readonly size: number }

export interface JobResult {
  readonly id: number;
  readonly problems: readonly ValidationProblem[];
  readonly written?: { readonly json: WrittenFile; readonly yaml: WrittenFile };
  /** A file could not be written. */
  readonly writeError?: string;
}

export type JobRunner = (job: DocumentJob) => Promise<JobResult>;

export function createJobRunner(): JobRunner {
  const validator = createValidator();
  // Per part: its JSON and YAML bytes, its JSON text, and its object once parsed (shared, frozen).
  const json = new Map<number, Buffer>();
  const yaml = new Map<number, Buffer>();
  const text = new Map<number, string>();
  const objects = new Map<number, object>();
  const bytes = (pieces: Pieces, parts: ReadonlyMap<number, Buffer>): Buffer =>
    Buffer.concat(pieces.map((p) => (typeof p === 'number' ? parts.get(p) ?? missing(p) : Buffer.from(p))));
  const holes = new Map<number, Hole>();
  const makeHole = (id: number): Hole => ({
    shared: () => {
      let o = objects.get(id);
      if (!o) objects.set(id, (o = deepFreeze(JSON.parse(text.get(id) ?? missing(id)) as object)));
      return o;
    },
    fresh: () => JSON.parse(text.get(id) ?? missing(id)) as object,
  });
  return async (job) => {
    for (const [id, j, y] of job.texts) { text.set(id, j); json.set(id, Buffer.from(j)); yaml.set(id, Buffer.from(y)); }
    let written: JobResult['written'];
    let writeError: string | undefined;
    if (job.files) {
      const jsonBytes = bytes(job.json, json);
      const yamlBytes = bytes(job.yaml, yaml);
      try {
        fs.writeFileSync(job.files.json, jsonBytes);
        fs.writeFileSync(job.files.yaml, yamlBytes);
        written = { json: fileFacts(jsonBytes), yaml: fileFacts(yamlBytes) };
      } catch (err) {
        writeError = err instanceof Error ? err.message : String(err);
      }
    }
    // The document around its parts (null in the holes), and the holes by where they are.
    const inHoles = new Set<number>();
    for (const p of job.json) if (typeof p === 'number') inHoles.add(p);
    const frame = JSON.parse(job.json.map((p) => (typeof p === 'number' ? 'null' : p)).join('')) as Record<string, unknown>;
    const at = new Map<string, Hole>();
    for (const [section, group, name, id] of job.parts) {
      if (!inHoles.has(id)) continue;
      let h = holes.get(id);
      if (!h) holes.set(id, (h = makeHole(id)));
      at.set(`${section}\0${group}\0${name}`, h);
    }
    const problems = await validator.validateWithHoles(frame, at, job.parts);
    return { id: job.id, problems, ...(written ? { written } : {}), ...(writeError ? { writeError } : {}) };
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const fileFacts = (b: Buffer): WrittenFile => ({ sha256: createHash('sha256').update(b).digest('hex'), size: b.length });

function missing(id: number): never {
  throw new Error(`internal: the text of part ${id} was never sent to this thread`);
}
