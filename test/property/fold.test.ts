// Properties of the fold (src/compiler/fold/): purity, structural sharing, round trips, and that
// the grouping of changes into deltas does not matter. Models are built by folding generated
// deltas (fold-model.ts), so every model here is one the fold itself can produce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldAll, foldDelta } from '../../src/compiler/fold/fold.js';
import type { ApiModel } from '../../src/compiler/model/api-model.js';
import { deepFreeze } from '../../src/compiler/util/immutable.js';
import {
  API, EMPTY_MODEL, assertSharedOffPath, baseArb, candidates, canonical, content, fold, foldClean, materialArb, mkDelta, pickOne, refsIn, simulate,
  stepsArb, withoutRetiredIn, type Base, type Candidate, type Material, type RawChange, type Same,
} from './fold-model.js';

const RUNS = 100;

deepFreeze(API);

test('folding never mutates its input (deep-frozen model and delta)', () => {
  fc.assert(
    fc.property(baseArb, stepsArb(4), fc.array(materialArb, { minLength: 1, maxLength: 6 }), (base, before, steps) => {
      const model = simulate(base.model, before).model;
      // Half the changes are valid on `model`; the others were drawn for the base model and
      // may well fail there (stale targets), so the failure paths run on frozen input too.
      const changes: RawChange[] = [];
      for (const m of steps) {
        const c = pickOne(candidates(m.flag ? model : base.model, m), m.pick);
        if (c) changes.push(c.change);
      }
      const delta = mkDelta(40, changes);
      const modelBefore = structuredClone(model);
      const changesBefore = structuredClone(delta.changes);
      deepFreeze(model);
      deepFreeze(delta);
      let result: [ApiModel, unknown] | undefined;
      assert.doesNotThrow(() => { result = foldDelta(model, delta, API); });
      assert.deepStrictEqual(model, modelBefore);
      assert.deepStrictEqual(delta.changes, changesBefore);
      assert.ok(result);
    }),
    { numRuns: RUNS },
  );
});

const TOP = ['operations', 'schemas', 'commonParameters', 'commonResponseHeaders', 'servers'] as const;

test('a change to one operation or schema leaves every other operation and schema the same object', () => {
  fc.assert(
    fc.property(baseArb, stepsArb(3), materialArb, (base, before, m) => {
      const prev = simulate(base.model, before).model;
      const c = pickOne(candidates(prev, m), m.pick)!;
      const next = foldClean(prev, 30, [c.change]);
      const [field, key] = c.path as [string, string | undefined];
      for (const f of TOP) {
        if (f !== field) { assert.ok(next[f] === prev[f], `${f} should be shared after ${c.change.kind}`); continue; }
        if (f === 'servers') continue;
        const p = prev[f] as Record<string, unknown>, n = next[f] as Record<string, unknown>;
        for (const k of Object.keys(p)) {
          if (k === key) continue;
          assert.ok(k in n, `${f} ${k} disappeared after ${c.change.kind} at ${c.change.where}`);
          assert.ok(n[k] === p[k], `${f} ${k} is not the same object after ${c.change.kind} at ${c.change.where}`);
        }
      }
    }),
    { numRuns: 2 * RUNS },
  );
});

function deepSharing(same?: Same) {
  return (base: Base, before: Material[], m: Material) => {
    const prev = simulate(base.model, before).model;
    const c = pickOne(candidates(prev, m), m.pick)!;
    const next = foldClean(prev, 30, [c.change]);
    assertSharedOffPath(prev, next, c.path, same);
    if (c.siblings) {
      const get = (root: unknown) => c.siblings!.properties.reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k as string], root) as Record<string, unknown> | undefined;
      const p = get(prev), n = get(next);
      if (p && n) for (const k of Object.keys(n)) if (k !== c.siblings.name && k in p) assert.ok(n[k] === p[k], `sibling property ${k} is not shared after ${c.change.kind} at ${c.change.where}`);
    }
  };
}

test('every subtree a change does not touch stays shared, at any depth', () => {
  fc.assert(fc.property(baseArb, stepsArb(3), materialArb, deepSharing((a, b) => a === b)), { numRuns: 2 * RUNS });
});

test('every subtree a change does not touch stays shared, request wrapper included', () => {
  const prev = foldClean(EMPTY_MODEL, 1, [{
    kind: 'operation.add', where: 'POST /things',
    operation: { operationId: 'createThing', summary: 'Create', tags: ['things'], request: { schema: { type: 'object', properties: {} } }, responses: { '200': { description: 'OK.' } } },
  }]);
  const next = foldClean(prev, 2, [{ kind: 'response.change', where: 'POST /things response 200', set: { description: 'Created.' } }]);
  assert.ok(next.operations['POST /things']!.request === prev.operations['POST /things']!.request, 'the request body is untouched, so it should be shared');
  fc.assert(fc.property(baseArb, stepsArb(3), materialArb, deepSharing()), { numRuns: 2 * RUNS, endOnFailure: true });
});

/** Draws a candidate of `kind` that has `which` (its inverse or its re-add), counting hits. */
function roundTrip(kind: RawChange['kind'], which: 'inverse' | 'readd', check: (model: ApiModel, c: Candidate) => void): void {
  let hits = 0;
  fc.assert(
    fc.property(baseArb, stepsArb(2), materialArb, (base, before, m) => {
      const model = which === 'readd' ? base.model : simulate(base.model, before).model;
      const pool = candidates(model, m).filter((x) => x.kind === kind).map((x) => x.make()).filter((x) => x[which]);
      // Up to three of them per model: models cost more to generate than to check.
      for (let i = 0; i < Math.min(3, pool.length); i++) {
        hits++;
        check(model, pool[(m.pick + i) % pool.length]!);
      }
    }),
    { numRuns: RUNS / 2 },
  );
  assert.ok(hits >= 5, `only ${hits} ${kind} changes in ${RUNS / 2} runs: the generators should reach it more often`);
}

for (const kind of ['operation.add', 'property.add', 'parameter.add', 'schema.add', 'response.add', 'header.add', 'action.add', 'body.add'] as const) {
  test(`${kind} then its remove gives back the same model`, () => {
    roundTrip(kind, 'inverse', (model, c) => {
      const added = foldClean(model, 2, [c.change]);
      assert.notDeepStrictEqual(content(added), content(model));
      const back = foldClean(added, 3, [c.inverse!]);
      assert.deepStrictEqual(content(back), content(model));
      // And within one delta.
      assert.deepStrictEqual(content(foldClean(model, 2, [c.change, c.inverse!])), content(model));
      if (kind === 'operation.add') {
        // Removing with answers: 404 leaves exactly the operations there were, as the same objects.
        assert.deepStrictEqual(Object.keys(back.operations).sort(), Object.keys(model.operations).sort());
        for (const [k, op] of Object.entries(model.operations)) assert.ok(back.operations[k] === op, `${k} should be the same object`);
      }
    });
  });
}

for (const kind of ['property.rename', 'status.change', 'property.change'] as const) {
  test(`${kind} then its opposite gives back the same model`, () => {
    roundTrip(kind, 'inverse', (model, c) => {
      const back = foldClean(foldClean(model, 2, [c.change]), 3, [c.inverse!]);
      // A required flag that goes off and on again moves to the end of `required`: compare as sets.
      assert.deepStrictEqual(canonical(content(back)), canonical(content(model)));
    });
  });
}

for (const kind of ['operation.remove', 'property.remove', 'parameter.remove', 'schema.remove', 'response.remove', 'header.remove', 'action.remove', 'body.remove'] as const) {
  test(`${kind} then adding it again gives back the same model`, () => {
    roundTrip(kind, 'readd', (model, c) => {
      const removed = foldClean(model, 2, [c.change]);
      assert.notDeepStrictEqual(content(removed), content(model));
      const back = foldClean(removed, 3, [c.readd!]);
      // Re-added things go to the end of their lists (required, key order): compare as sets.
      assert.deepStrictEqual(canonical(content(back)), canonical(content(model)));
      // In one delta too.
      assert.deepStrictEqual(canonical(content(foldClean(model, 2, [c.change, c.readd!]))), canonical(content(model)));
    });
  });
}

test('foldAll equals foldDelta one by one, and resuming from any version gives the same models', () => {
  fc.assert(
    fc.property(baseArb, stepsArb(10), fc.nat(), (base, steps, cut) => {
      const { changes } = simulate(base.model, steps);
      const deltas = [mkDelta(1, base.changes), ...changes.map((c, i) => mkDelta(i + 2, [c]))];
      const all = foldAll(deltas, API);
      assert.deepStrictEqual(all.diagnostics, []);
      let model = EMPTY_MODEL;
      deltas.forEach((d, i) => {
        const [next, diags] = foldDelta(model, d, API);
        assert.deepStrictEqual(diags, []);
        assert.deepStrictEqual(next, all.models[i]);
        model = next;
      });
      // Resume at version k from the model foldAll made for k - 1.
      const k = 1 + (cut % deltas.length);
      let resumed = all.models[k - 1]!;
      for (const d of deltas.slice(k)) resumed = foldDelta(resumed, d, API)[0];
      assert.deepStrictEqual(resumed, all.models[all.models.length - 1]);
    }),
    { numRuns: RUNS },
  );
});

function regrouping(steps: (base: Base, steps: Material[]) => RawChange[]) {
  return (base: Base, ms: Material[], cuts: boolean[]) => {
    const changes = steps(base, ms);
    const expected = foldAll([mkDelta(1, base.changes), ...changes.map((c, i) => mkDelta(i + 2, [c]))], API).models.at(-1)!;
    const same = (m: ApiModel) => withoutRetiredIn(content(m));
    // All of it, base included, as one delta from nothing.
    const [whole, diags] = fold(EMPTY_MODEL, 1, [...base.changes, ...changes]);
    assert.deepStrictEqual(diags.map((d) => d.message), []);
    assert.deepStrictEqual(same(whole), same(expected));
    // In chunks: a cut after change i when cuts[i].
    const chunks: RawChange[][] = [[]];
    changes.forEach((c, i) => {
      chunks[chunks.length - 1]!.push(c);
      if (cuts[i]) chunks.push([]);
    });
    const deltas = [mkDelta(1, base.changes), ...chunks.filter((c) => c.length).map((c, i) => mkDelta(i + 2, c))];
    const timeline = foldAll(deltas, API);
    assert.deepStrictEqual(timeline.diagnostics.map((d) => d.message), []);
    assert.deepStrictEqual(same(timeline.models.at(-1)!), same(expected));
  };
}

/** Valid steps, one at a time; `skip` kinds are never drawn. */
const validSteps = (skip: readonly RawChange['kind'][]) => (base: Base, ms: Material[]): RawChange[] => {
  let model = base.model;
  const out: RawChange[] = [];
  for (const m of ms) {
    const c = pickOne(candidates(model, m).filter((x) => !skip.includes(x.kind)), m.pick);
    if (!c) continue;
    model = foldClean(model, 2 + out.length, [c.change]);
    out.push(c.change);
  }
  return out;
};

test('grouping the same changes into different deltas gives the same final model (no schema.remove)', () => {
  fc.assert(fc.property(baseArb, stepsArb(10), fc.array(fc.boolean(), { maxLength: 12 }), regrouping(validSteps(['schema.remove']))), { numRuns: RUNS });
});

test('grouping the same changes into different deltas gives the same final model (schema.remove included)', () => {
  fc.assert(fc.property(baseArb, fc.array(materialArb, { minLength: 4, maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), regrouping(validSteps([]))), { numRuns: RUNS, endOnFailure: true });
});

const NODE = { type: 'object', properties: { next: { $ref: 'Node' } } };
const GET_A = { kind: 'operation.add', where: 'GET /a', operation: { operationId: 'showA', summary: 'Show', tags: ['things'], responses: { '200': { description: 'OK.' } } } } as const;

test('a schema removed and added again in one delta is not "still in use"', () => {
  // Each change is valid where it stands; the same changes in two deltas fold cleanly.
  const m1 = foldClean(EMPTY_MODEL, 1, [{ kind: 'schema.add', where: 'schema Color', schema: { type: 'string' } }, GET_A]);
  const changes: RawChange[] = [
    { kind: 'schema.remove', where: 'schema Color' },
    { kind: 'schema.add', where: 'schema Color', schema: { type: 'string', enum: ['red'] } },
    { kind: 'body.add', where: 'GET /a response 200', schema: { $ref: 'Color' } },
  ];
  const split = foldClean(foldClean(m1, 2, changes.slice(0, 1)), 3, changes.slice(1));
  const [whole, diags] = fold(m1, 2, changes);
  assert.deepStrictEqual(diags.map((d) => d.code), []);
  // (Today the error also puts the old Color back, over the new one.)
  assert.deepStrictEqual(whole.schemas, split.schemas);
  // The same with a schema that refers to itself: remove and re-add in one delta.
  const m2 = foldClean(EMPTY_MODEL, 1, [{ kind: 'schema.add', where: 'schema Node', schema: NODE }]);
  assert.deepStrictEqual(fold(m2, 2, [{ kind: 'schema.remove', where: 'schema Node' }, { kind: 'schema.add', where: 'schema Node', schema: NODE }])[1].map((d) => d.code), []);
});

test('a $ref added and dropped again in one delta does not outlive its schema', () => {
  const m1 = foldClean(EMPTY_MODEL, 1, [{ kind: 'schema.add', where: 'schema Color', schema: { type: 'string' } }, GET_A]);
  const changes: RawChange[] = [
    { kind: 'body.add', where: 'GET /a response 200', schema: { $ref: 'Color' } },
    { kind: 'body.remove', where: 'GET /a response 200' },
    { kind: 'schema.remove', where: 'schema Color' },
  ];
  foldClean(foldClean(m1, 2, changes.slice(0, 2)), 3, changes.slice(2));
  assert.deepStrictEqual(fold(m1, 2, changes)[1].map((d) => d.code), []);
});

// An empty `properties` or `required` means the same as none; the fold does not promise which of
// the two an add-then-remove leaves, so these round trips are compared up to that.
const noEmpties = (s: unknown): unknown => JSON.parse(JSON.stringify(s, (k, v) => ((k === 'properties' && v && typeof v === 'object' && Object.keys(v).length === 0) || (k === 'required' && Array.isArray(v) && v.length === 0) ? undefined : v)));

test('property.add then property.remove gives back an object schema that had no properties', () => {
  const m1 = foldClean(EMPTY_MODEL, 1, [{ kind: 'schema.add', where: 'schema S', schema: { type: 'object' } }]);
  const m3 = foldClean(foldClean(m1, 2, [{ kind: 'property.add', where: 'schema S /x', schema: { type: 'string' } }]), 3, [{ kind: 'property.remove', where: 'schema S /x' }]);
  assert.deepStrictEqual(noEmpties(m3.schemas), noEmpties(m1.schemas));
});

test('property.add (required) then property.remove gives back an empty required list', () => {
  const m1 = foldClean(EMPTY_MODEL, 1, [{ kind: 'schema.add', where: 'schema S', schema: { type: 'object', properties: {}, required: [] } }]);
  const m3 = foldClean(foldClean(m1, 2, [{ kind: 'property.add', where: 'schema S /x', schema: { type: 'string' }, required: true }]), 3, [{ kind: 'property.remove', where: 'schema S /x' }]);
  assert.deepStrictEqual(noEmpties(m3.schemas), noEmpties(m1.schemas));
});

test('names that are Object.prototype members are ordinary names to the fold', () => {
  const m1 = foldClean(EMPTY_MODEL, 1, [
    GET_A,
    { kind: 'body.add', where: 'GET /a response 200', schema: { type: 'object', properties: {} } },
    { kind: 'operation.add', where: 'POST /a/{id}/action', operation: { operationId: 'runA', summary: 'Run', tags: ['things'], parameters: [{ in: 'path', name: 'id', description: 'Id.', schema: { type: 'string' } }], actions: {} } },
  ]);
  const adds: RawChange[] = [
    { kind: 'schema.add', where: 'schema constructor', schema: { type: 'string' } },
    { kind: 'property.add', where: 'GET /a response 200 /toString', schema: { type: 'string' } },
    { kind: 'header.add', where: 'GET /a response 200 header valueOf', header: { description: 'H.', schema: { type: 'string' } } },
    { kind: 'header.add', where: '* response header toString', header: { description: 'H.', schema: { type: 'string' } } },
    { kind: 'action.add', where: 'POST /a/{id}/action #hasOwnProperty', action: { summary: 'S', request: { type: 'object' }, responses: { '202': { description: 'OK.' } } } },
  ];
  const failed = adds.filter((c) => fold(m1, 2, [c])[1].length > 0).map((c) => c.where);
  assert.deepStrictEqual(failed, []);
});
