// load/duplicate-key: a mapping has the same key twice.
import { test } from 'node:test';
import { BASE, miniSpec } from '../helpers.js';
import { expectDiagnostics, v2 } from './_util.js';

test('a top-level key twice', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': 'version: "2.2"\nsummary: A\nsummary: B\ndescription: D.\nchanges: []\n' }), [
    'spec/versions/2.2.yaml:3:1 error load/duplicate-key: 2.2: Map keys must be unique; expected a mapping with unique keys\n    yaml: DUPLICATE_KEY',
  ]);
});

test('a key twice inside a flow mapping', async () => {
  await expectDiagnostics(v2('  - kind: operation.change\n    where: GET /things/{thing_id}\n    set: { summary: A, summary: B }\n'), [
    'spec/versions/2.2.yaml:7:24 error load/duplicate-key: 2.2: Map keys must be unique; expected a mapping with unique keys\n    yaml: DUPLICATE_KEY',
  ]);
});
