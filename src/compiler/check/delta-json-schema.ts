// spec/delta.schema.json, generated from the same shapes the checker uses (a test keeps the
// committed file in sync), so editors complete exactly what the compiler accepts.
import { CHANGE_KINDS, DEFS, DELTA_FILE } from './delta-shape.js';
import { toJsonSchema } from './shape.js';

export function deltaJsonSchema(): Record<string, unknown> {
  const file = toJsonSchema(DELTA_FILE) as { properties: Record<string, unknown> };
  const changes = Object.entries(CHANGE_KINDS).map(([kind, shape]) => {
    const s = toJsonSchema(shape) as { properties: Record<string, unknown> };
    return { ...s, properties: { ...s.properties, kind: { const: kind } } };
  });
  file.properties['changes'] = { type: 'array', items: { oneOf: changes }, description: 'The changes of this version, from the closed vocabulary in spec/README.md' };
  const $defs: Record<string, unknown> = {};
  for (const [name, shape] of Object.entries(DEFS)) $defs[name] = toJsonSchema(shape);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://microversion-compiler.dev/delta.schema.json',
    title: 'microversion-compiler delta file',
    ...file,
    $defs,
  };
}

export const deltaJsonSchemaText = (): string => JSON.stringify(deltaJsonSchema(), null, 2) + '\n';
