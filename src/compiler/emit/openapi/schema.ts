// Model schema (authored subset) → OpenAPI 3.1 schema. Memoized by identity: the fold shares
// unchanged schema objects across versions, so each is converted once for all 100 documents.
import type { Schema } from '../../model/api-model.js';
import { schemaRef } from './names.js';

export type JsonObject = { [key: string]: unknown };

const memo = new WeakMap<Schema, JsonObject>();

export function emitSchema(s: Schema): JsonObject {
  let out = memo.get(s);
  if (!out) {
    out = convert(s);
    memo.set(s, out);
  }
  return out;
}

function convert(s: Schema): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(s)) {
    switch (k) {
      case 'nullable':
        break;
      case '$ref':
        out['$ref'] = schemaRef(v as string);
        break;
      case 'properties':
      case 'patternProperties': {
        const props: JsonObject = {};
        for (const [pk, pv] of Object.entries(v as Record<string, Schema>)) props[pk] = emitSchema(pv);
        out[k] = props;
        break;
      }
      case 'items':
      case 'not':
        out[k] = emitSchema(v as Schema);
        break;
      case 'additionalProperties':
        out[k] = typeof v === 'boolean' ? v : emitSchema(v as Schema);
        break;
      case 'oneOf':
      case 'anyOf':
      case 'allOf':
        out[k] = (v as Schema[]).map(emitSchema);
        break;
      case 'example':
        // OpenAPI 3.1 schemas use JSON Schema's `examples`.
        out['examples'] = [v];
        break;
      default:
        out[k] = v;
    }
  }
  return s['nullable'] === true ? makeNullable(out) : out;
}

/** OpenAPI 3.1 has no `nullable`: null joins the type list (and the enum), or a oneOf. */
function makeNullable(out: JsonObject): JsonObject {
  const t = out['type'];
  if (typeof t === 'string' || Array.isArray(t)) {
    const types = Array.isArray(t) ? (t as string[]) : [t];
    const next: JsonObject = { ...out, type: types.includes('null') ? types : [...types, 'null'] };
    if (Array.isArray(out['enum']) && !(out['enum'] as unknown[]).includes(null)) next['enum'] = [...(out['enum'] as unknown[]), null];
    return next;
  }
  const { description, ...rest } = out;
  return { ...(description !== undefined ? { description } : {}), anyOf: [rest, { type: 'null' }] };
}
