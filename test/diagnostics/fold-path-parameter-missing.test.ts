// fold/path-parameter-missing: a {name} in the path has no in: path parameter, or a path parameter is not in the path.
import { test } from 'node:test';
import { expectDiagnostics, THING, v2 } from './_util.js';

const at = 'spec/versions/2.2.yaml:6:12 error fold/path-parameter-missing: 2.2:';
const op = (where: string, params: string) => `  - kind: operation.add\n    where: ${where}\n    operation:\n      operationId: showPart\n      summary: S\n      tags: [things]\n      parameters:\n${params}      responses: { "200": { description: OK. } }\n`;

test('a {name} without a parameter', async () => {
  await expectDiagnostics(v2(op('GET /things/{thing_id}/parts/{part_id}', '        - { in: path, name: thing_id, description: T., schema: { type: string } }\n')), [
    `${at} operation.add at "GET /things/{thing_id}/parts/{part_id}": GET /things/{thing_id}/parts/{part_id} has no path parameter for {part_id}; expected a parameter with in: path and name: part_id`,
  ]);
});

test('a path parameter that is not in the path', async () => {
  await expectDiagnostics(v2(op('GET /parts', '        - { in: path, name: part_id, description: P., schema: { type: string } }\n')), [
    `${at} operation.add at "GET /parts": GET /parts declares path parameter part_id that is not in the path; expected {part_id} in the path`,
  ]);
});

test('a query parameter does not stand in for a path parameter', async () => {
  await expectDiagnostics(v2(op('GET /parts/{part_id}', '        - { in: query, name: part_id, description: P., schema: { type: string } }\n')), [
    `${at} operation.add at "GET /parts/{part_id}": GET /parts/{part_id} has no path parameter for {part_id}; expected a parameter with in: path and name: part_id`,
  ]);
});

test('parameter.remove of a path parameter', async () => {
  await expectDiagnostics(v2(`  - kind: parameter.remove\n    where: ${THING} path thing_id\n`), [
    `${at} parameter.remove at "${THING} path thing_id": ${THING} has no path parameter for {thing_id}; expected a parameter with in: path and name: thing_id`,
  ]);
});

test('parameter.add of a path parameter not in the path', async () => {
  await expectDiagnostics(v2(`  - kind: parameter.add\n    where: ${THING} path part_id\n    parameter: { description: P., schema: { type: string } }\n`), [
    `${at} parameter.add at "${THING} path part_id": ${THING} declares path parameter part_id that is not in the path; expected {part_id} in the path`,
  ]);
});
