// emit/name-clash: a shared schema named like a component the emitter derives.
import { test } from 'node:test';
import { expectDiagnostics, THING, v2 } from './_util.js';

test('a shared schema named Fault, beside error responses', async () => {
  await expectDiagnostics(v2(`  - kind: schema.add\n    where: schema Fault\n    schema: { type: string, description: Mine. }\n  - kind: response.add\n    where: ${THING} response 404\n    error: true\n`), [
    'spec/versions/2.2.yaml:6:12 error emit/name-clash: 2.2: the component schema name Fault is used by the shared schema Fault and the error body Fault; expected one name per schema (rename the shared schema)\n    at /components/schemas/Fault',
  ]);
});

test('a shared schema named like a hoisted body (ShowThingResponse)', async () => {
  await expectDiagnostics(v2('  - kind: schema.add\n    where: schema ShowThingResponse\n    schema: { type: string, description: Mine. }\n'), [
    'spec/versions/2.2.yaml:6:12 error emit/name-clash: 2.2: the component schema name ShowThingResponse is used by a body of GET /things/{thing_id} and the shared schema ShowThingResponse; expected one name per schema (rename the shared schema)\n    at /components/schemas/ShowThingResponse',
  ]);
});
