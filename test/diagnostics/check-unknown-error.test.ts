// check/unknown-error: an errors: status code not declared in api.yaml.
import { test } from 'node:test';
import { ACTION_OP, expectDiagnostics, stuffOp, v2 } from './_util.js';

test('an operation error not in api.yaml', async () => {
  await expectDiagnostics(v2(stuffOp('      errors: [404, 500]\n')), [
    'spec/versions/2.2.yaml:11:21 error check/unknown-error: 2.2: error status 500 is not declared under errors in api.yaml; expected one of 404',
  ]);
});

test('an action error not in api.yaml', async () => {
  await expectDiagnostics(v2(ACTION_OP.replace('responses: { "202": { description: Accepted. } }', 'responses: { "202": { description: Accepted. } }\n          errors: [409]')), [
    'spec/versions/2.2.yaml:18:20 error check/unknown-error: 2.2: error status 409 is not declared under errors in api.yaml; expected one of 404',
  ]);
});
