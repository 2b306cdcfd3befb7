// A validator shares work between the documents it validates (src/compiler/emit/validate-output.ts):
// parts it has proven are not checked again, and swagger-parser skips them. That must never
// change a verdict: for every document, the shared validator finds a problem exactly when a
// fresh one does, and what depends on the document (a $ref into a component that is gone) is
// still caught in a part that was proven earlier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { OpenAPIV3_1 } from 'openapi-types';
import { compile } from '../../src/compiler/pipeline.js';
import { createValidator, validateDocument } from '../../src/compiler/emit/validate-output.js';
import { partIdsOf, type PartId } from '../../src/compiler/emit/validation-parts.js';
import { createJobRunner, type DocumentJob } from '../../src/compiler/emit/validate-job.js';
import { documentPieces } from '../../src/compiler/emit/document-pieces.js';
import { toJson } from '../../src/compiler/util/json-writer.js';
import { FIXTURE, ROOT } from '../helpers.js';
import { applyEdits, editArb, type Edit } from './_doc-edits.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const GOLDEN = path.join(ROOT, 'test/golden/widgets');
const goldens: Doc[] = fs.readdirSync(GOLDEN).filter((f) => /^\d+\.\d+\.json$/.test(f)).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).map((f) => JSON.parse(fs.readFileSync(path.join(GOLDEN, f), 'utf8')));

/** Ids by content, as identity gives them in a build: the same text, the same id. */
function idsByContent(): (doc: Doc) => PartId[] {
  const byText = new Map<string, number>();
  return (doc) => {
    const out: PartId[] = [];
    for (const section of ['paths', 'components'] as const) {
      const groups = doc[section];
      if (typeof groups !== 'object' || groups === null || Array.isArray(groups)) continue;
      for (const [group, entries] of Object.entries(groups)) {
        if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) continue;
        for (const [name, node] of Object.entries(entries as Doc)) {
          if (typeof node !== 'object' || node === null) continue;
          const text = `${section}\0${group}\0${JSON.stringify(node)}`;
          if (!byText.has(text)) byText.set(text, byText.size + 1);
          out.push([section, group, name, byText.get(text)!]);
        }
      }
    }
    return out;
  };
}

const widgets = await compile({ specDir: FIXTURE, workers: 0 });
const docs = widgets.versions.map((v) => v.document as Doc);

test('the documents of a build, validated in turn, share their parts and stay valid', async () => {
  const v = createValidator();
  for (const d of docs) assert.deepEqual(await v.validateText(toJson(d), partIdsOf(d)), []);
  const s = v.stats();
  assert.ok(s.known > s.parts / 4, `parts are met again: ${JSON.stringify(s)}`);
  assert.ok(s.skipped > 0 && s.skipped <= s.known, JSON.stringify(s));
  assert.ok(s.schemaKnown > 0, JSON.stringify(s));
  // The same document again: every part is known, and swagger-parser skips every one.
  const again = createValidator();
  const last = docs[docs.length - 1]!;
  await again.validateText(toJson(last), partIdsOf(last));
  const before = again.stats();
  await again.validateText(toJson(last), partIdsOf(last));
  const after = again.stats();
  assert.equal(after.known - before.known, after.parts - before.parts);
  assert.equal(after.skipped - before.skipped, after.parts - before.parts);
});

/** The last widgets document, and a copy without one component that a shared operation references. */
function withoutReferencedSchema(): { first: Doc; second: Doc; ids: PartId[][]; name: string } {
  const first = docs[docs.length - 1]!;
  const text = toJson(first);
  const name = Object.keys(first['components']['schemas']).find((n) => text.includes(`"#/components/schemas/${n}"`) && n !== 'Fault')!;
  const second = { ...first, components: { ...first['components'], schemas: { ...first['components']['schemas'] } } };
  delete second['components']['schemas'][name];
  return { first, second, ids: [partIdsOf(first), partIdsOf(second)], name };
}

test('a $ref in a proven part to a component that is gone is reported, with where it is', async () => {
  const { first, second, ids, name } = withoutReferencedSchema();
  assert.notDeepEqual(await validateDocument(second as OpenAPIV3_1.Document), [], 'a fresh validator rejects it');
  const v = createValidator();
  assert.deepEqual(await v.validateText(toJson(first), ids[0]), []);
  const problems = await v.validateText(toJson(second), ids[1]);
  const ours = problems.filter((p) => p.message.includes(`there is no "${name}" under /components/schemas`));
  assert.ok(ours.length > 0, problems.map((p) => `${p.pointer}: ${p.message}`).join('\n'));
  for (const p of ours) assert.match(p.pointer, /^\/(paths|components)\//);
});

/** One job per document, texts sent once, as the pool sends them. */
function jobsOf(list: readonly Doc[], ids: (d: Doc, i: number) => PartId[] = (d) => partIdsOf(d)): DocumentJob[] {
  const sent = new Set<number>();
  return list.map((d, i) => {
    const parts = ids(d, i);
    const pieces = documentPieces(d, parts);
    const texts: [number, string, string][] = [];
    for (const [id, [j, y]] of pieces.texts) if (!sent.has(id)) { sent.add(id); texts.push([id, j, y]); }
    return { id: i, json: pieces.json, yaml: pieces.yaml, texts, parts };
  });
}

test('the job runner (parts kept between jobs, shared objects frozen) validates the build clean, and catches the gone component', async () => {
  const run = createJobRunner();
  for (const job of jobsOf(docs)) assert.deepEqual((await run(job)).problems, [], `job ${job.id}`);
  const { first, second, ids, name } = withoutReferencedSchema();
  const again = createJobRunner();
  const [j1, j2] = jobsOf([first, second], (_, i) => ids[i]!);
  assert.deepEqual((await again(j1!)).problems, []);
  const problems = (await again(j2!)).problems;
  assert.ok(problems.some((p) => p.message.includes(`there is no "${name}"`)), problems.map((p) => p.message).join('\n'));
});

const refArb = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom({ $ref: '#/components/schemas/Nope' }, { $ref: '#/components/responses/Nope' }, { $ref: '#/x/y' }));

function edited(doc: Doc, edits: readonly Edit[]): Doc {
  const out = structuredClone(doc);
  applyEdits(out, edits);
  return out;
}

const verdict = (problems: readonly unknown[]) => problems.length === 0;

test('after a valid document, a randomly edited one gets the same verdict from the shared validator as from a fresh one', async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat(), fc.array(editArb(refArb), { minLength: 1, maxLength: 3 }), async (which, edits) => {
      const first = goldens[which % goldens.length]!;
      const second = edited(first, edits);
      const ids = idsByContent();
      const shared = createValidator();
      assert.deepEqual(await shared.validateText(JSON.stringify(first), ids(first)), []);
      const fresh = await validateDocument(structuredClone(second) as OpenAPIV3_1.Document);
      const sharedProblems = await shared.validateText(JSON.stringify(second), ids(second));
      assert.equal(verdict(sharedProblems), verdict(fresh), `fresh: ${fresh.map((p) => p.message).join('; ') || 'valid'}; shared: ${sharedProblems.map((p) => p.message).join('; ') || 'valid'}`);
      // And through the job runner, with holes and frozen shared parts.
      const run = createJobRunner();
      const [j1, j2] = jobsOf([structuredClone(first), second], (d) => ids(d));
      assert.deepEqual((await run(j1!)).problems, []);
      const viaJobs = (await run(j2!)).problems;
      assert.equal(verdict(viaJobs), verdict(fresh), `fresh: ${fresh.map((p) => p.message).join('; ') || 'valid'}; jobs: ${viaJobs.map((p) => p.message).join('; ') || 'valid'}`);
    }),
    { numRuns: 60 },
  );
});
