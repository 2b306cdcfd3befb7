// A synthetic spec of a chosen size, for measuring how cost grows: `resources` resources of five
// operations each, and `versions` versions that each change a few of them.
import fs from 'node:fs';
import path from 'node:path';

export interface SyntheticSize { readonly versions: number; readonly resources: number }

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const props = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `        ${prefix}_${i}: { type: string, description: Field ${i}. }`).join('\n');

function resourceOps(r: number): string {
  const name = `res${r}`;
  const schema = `Res${r}`;
  return `  - kind: schema.add
    where: schema ${schema}
    schema:
      type: object
      description: Resource ${r}.
      properties:
        id: { type: string, format: uuid, description: The id. }
${props(12, 'field')}
      required: [id]
  - kind: operation.add
    where: GET /${name}
    operation:
      operationId: list${schema}
      summary: List ${name}
      tags: [things]
      parameters:
        - { in: query, name: limit, description: Page size., schema: { type: integer, minimum: 0 } }
      responses:
        "200": { description: The list., schema: { type: object, properties: { items: { type: array, items: { $ref: ${schema} }, description: Items. } } } }
      errors: [400]
  - kind: operation.add
    where: GET /${name}/{id}
    operation:
      operationId: show${schema}
      summary: Show one of ${name}
      tags: [things]
      parameters: [ { in: path, name: id, description: The id., schema: { type: string } } ]
      responses:
        "200": { description: The item., schema: { type: object, properties: { item: { $ref: ${schema} } } } }
      errors: [404]
  - kind: operation.add
    where: POST /${name}
    operation:
      operationId: create${schema}
      summary: Create one of ${name}
      tags: [things]
      request: { schema: { type: object, properties: { item: { type: object, description: The new item., properties: { name: { type: string, description: Its name. } } } } } }
      responses:
        "201": { description: Created., schema: { type: object, properties: { item: { $ref: ${schema} } } } }
      errors: [400]
  - kind: operation.add
    where: PUT /${name}/{id}
    operation:
      operationId: update${schema}
      summary: Update one of ${name}
      tags: [things]
      parameters: [ { in: path, name: id, description: The id., schema: { type: string } } ]
      request: { schema: { type: object, properties: { item: { type: object, description: The changes., properties: { name: { type: string, description: Its name. } } } } } }
      responses:
        "200": { description: Updated., schema: { type: object, properties: { item: { $ref: ${schema} } } } }
      errors: [400, 404]
  - kind: operation.add
    where: DELETE /${name}/{id}
    operation:
      operationId: delete${schema}
      summary: Delete one of ${name}
      tags: [things]
      parameters: [ { in: path, name: id, description: The id., schema: { type: string } } ]
      responses: { "204": { description: Deleted. } }
      errors: [404]
`;
}

export function writeSyntheticSpec(dir: string, size: SyntheticSize): void {
  const rand = prng(size.versions * 1000 + size.resources);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'versions'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'api.yaml'), `info: { title: Synthetic }
errors: { "400": { description: Bad., fault: badRequest }, "404": { description: Missing., fault: itemNotFound } }
releases: {}
tags: [ { name: things, description: Things. } ]
`);
  let base = `version: "2.1"\nsummary: Base\ndescription: The base.\nchanges:\n  - kind: parameter.add\n    where: "* header X-API-Version"\n    parameter: { description: The version., schema: { type: string } }\n`;
  for (let r = 0; r < size.resources; r++) base += resourceOps(r);
  fs.writeFileSync(path.join(dir, 'versions', '2.1.yaml'), base);
  const added = new Map<number, number>();
  for (let v = 2; v <= size.versions; v++) {
    let text = `version: "2.${v}"\nsummary: Version ${v}\ndescription: Changes of ${v}.\nchanges:\n`;
    for (let k = 0; k < 3; k++) {
      const r = Math.floor(rand() * size.resources);
      const n = added.get(r) ?? 0;
      added.set(r, n + 1);
      text += `  - kind: property.add\n    where: schema Res${r} /extra_${n}\n    schema: { type: integer, description: Added in 2.${v}. }\n`;
    }
    const r = Math.floor(rand() * size.resources);
    text += `  - kind: parameter.add\n    where: GET /res${r} query q${v}\n    parameter: { description: Filter of 2.${v}., schema: { type: string } }\n`;
    fs.writeFileSync(path.join(dir, 'versions', `2.${v}.yaml`), text);
  }
}
