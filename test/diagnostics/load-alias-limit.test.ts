// load/alias-limit: the file expands too many YAML aliases (an alias bomb).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, delta, miniSpec } from '../helpers.js';
import { expectClean, expectDiagnostics, THING, withApi } from './_util.js';

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings if expanded. */
const BILLION_LAUGHS = [
  'lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghi'.split('').map((c, i) => {
    const prev = 'abcdefghi'[i]!;
    return `${c}: &${c} [${Array(9).fill(`*${prev}`).join(', ')}]`;
  }),
  '',
].join('\n');

test('a billion-laughs delta fails fast', async () => {
  const t0 = Date.now();
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': BILLION_LAUGHS }), [
    'spec/versions/2.2.yaml:1:1 error load/alias-limit: 2.2: Excessive alias count indicates a resource exhaustion attack; expected at most 1000 alias expansions',
  ], { emit: false });
  assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
});

test('a narrow bomb (30 levels of two aliases) fails fast too', async () => {
  const lines = ['l0: &l0 [x, x]'];
  for (let i = 1; i < 30; i++) lines.push(`l${i}: &l${i} [*l${i - 1}, *l${i - 1}]`);
  const t0 = Date.now();
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': lines.join('\n') + '\n' }), [
    'spec/versions/2.2.yaml:1:1 error load/alias-limit: 2.2: Excessive alias count indicates a resource exhaustion attack; expected at most 1000 alias expansions',
  ], { emit: false });
  assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
});

test('in api.yaml', async () => {
  await expectDiagnostics(withApi(miniSpec({ '2.1.yaml': BASE }), (t) => `${t}${BILLION_LAUGHS}`), [
    'spec/api.yaml:1:1 error load/alias-limit: Excessive alias count indicates a resource exhaustion attack; expected at most 1000 alias expansions',
  ], { emit: false });
});

test('a few ordinary aliases are fine', async () => {
  const base = BASE.replace('schema: { type: string } }', 'schema: &id { type: string } }')
    .replace('name: { type: string, description: Its name. }', 'name: *id');
  await expectClean(miniSpec({ '2.1.yaml': base }));
});

test('later versions are not folded without the file that failed', async () => {
  // 2.2 adds a parameter (and carries a bomb); 2.3 removes the parameter.
  const add = delta('2.2', `  - kind: parameter.add\n    where: ${THING} query q\n    parameter: { description: Q., schema: { type: string } }\n`);
  await expectDiagnostics(miniSpec({
    '2.1.yaml': BASE,
    '2.2.yaml': add + BILLION_LAUGHS.replace(/^([a-z]+):/gm, 'x-$1:'),
    '2.3.yaml': delta('2.3', `  - kind: parameter.remove\n    where: ${THING} query q\n`),
  }), [
    'spec/versions/2.2.yaml:1:1 error load/alias-limit: 2.2: Excessive alias count indicates a resource exhaustion attack; expected at most 1000 alias expansions',
  ], { emit: false });
});
