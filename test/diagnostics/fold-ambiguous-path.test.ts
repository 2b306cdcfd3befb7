// fold/ambiguous-path: two paths that differ only in their parameter names.
import { test } from 'node:test';
import { expectDiagnostics, v2 } from './_util.js';

test('two templated paths that differ only in the parameter name', async () => {
  await expectDiagnostics(v2('  - kind: operation.add\n    where: DELETE /things/{id}\n    operation:\n      operationId: deleteThing\n      summary: Delete a thing\n      tags: [things]\n      parameters:\n        - { in: path, name: id, description: The id., schema: { type: string } }\n      responses: { "204": { description: Deleted. } }\n'), [
    'spec/versions/2.2.yaml:6:12 error fold/ambiguous-path: 2.2: operation.add at "DELETE /things/{id}": DELETE /things/{id} has the same path template as GET /things/{thing_id} with other parameter names; expected the same names ({thing_id})',
  ]);
});
