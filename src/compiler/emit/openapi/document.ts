// One model → one OpenAPI 3.1 document. Objects are built in a fixed key order and paths and
// components are sorted, so two builds of the same spec are byte-identical.
import type { ApiModel, Operation, ServerUrl } from '../../model/api-model.js';
import type { ApiInfo, Delta } from '../../model/delta.js';
import { emitHeader, emitOperation, emitParameter, errorName } from './operation.js';
import type { JsonObject } from './schema.js';
import { emitSchema } from './schema.js';
import { errorBodyName, headerParamName, schemaRef } from './names.js';

const METHOD_ORDER = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'];

/** `onClash(name, what)` hears of a component name used twice; the later use would hide the earlier. */
export function emitDocument(model: ApiModel, delta: Delta, api: ApiInfo, onClash?: (name: string, what: string) => void): JsonObject {
  const owner = new Map<string, string>();
  const claim = (name: string, what: string) => {
    const prev = owner.get(name);
    if (prev !== undefined && onClash) onClash(name, `${prev} and ${what}`);
    owner.set(name, what);
  };
  const byPath = new Map<string, Operation[]>();
  for (const op of Object.values(model.operations)) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  const paths: JsonObject = {};
  const schemas: Record<string, JsonObject> = {};
  const errors = new Set<string>();
  const usedTags = new Set<string>();
  for (const path of [...byPath.keys()].sort()) {
    const item: JsonObject = {};
    const ops = byPath.get(path)!.sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
    for (const op of ops) {
      const e = emitOperation(op, model, api);
      item[op.method.toLowerCase()] = e.operation;
      for (const name of Object.keys(e.schemas)) claim(name, `a body of ${op.method} ${op.path}`);
      Object.assign(schemas, e.schemas);
      for (const s of e.errors) errors.add(s);
      for (const t of op.tags) usedTags.add(t);
    }
    paths[path] = item;
  }
  for (const [name, s] of Object.entries(model.schemas)) { claim(name, `the shared schema ${name}`); schemas[name] = emitSchema(s); }
  if (errors.size) { claim('Fault', 'the error body Fault'); schemas['Fault'] = FAULT; }

  const responses: JsonObject = {};
  if (errors.size) {
    for (const status of [...errors].sort()) {
      const e = api.errors[status];
      const fault = e?.fault ?? `error${status}`;
      const headers: JsonObject = {};
      for (const name of Object.keys(model.commonResponseHeaders)) headers[name] = { $ref: `#/components/headers/${name}` };
      // The body is a named schema too, so generators do not invent a name for an inline one.
      const bodyName = errorBodyName(errorName(api, status));
      schemas[bodyName] = { type: 'object', description: `The error, under the key "${fault}".`, properties: { [fault]: { $ref: schemaRef('Fault') } }, required: [fault] };
      responses[errorName(api, status)] = {
        description: e?.description ?? `Error ${status}.`,
        ...(Object.keys(headers).length ? { headers } : {}),
        content: { 'application/json': { schema: { $ref: schemaRef(bodyName) } } },
      };
    }
  }
  const components: JsonObject = { schemas: sortKeys(schemas) };
  if (errors.size) components['responses'] = sortKeys(responses);
  const parameters: JsonObject = {};
  for (const p of Object.values(model.commonParameters)) parameters[headerParamName(p.name)] = emitParameter(p);
  if (Object.keys(parameters).length) components['parameters'] = sortKeys(parameters);
  const headers: JsonObject = {};
  for (const [name, h] of Object.entries(model.commonResponseHeaders)) headers[name] = emitHeader(h);
  if (Object.keys(headers).length) components['headers'] = sortKeys(headers);
  if (api.securitySchemes && Object.keys(api.securitySchemes).length) {
    const schemes: JsonObject = {};
    for (const [name, sc] of Object.entries(api.securitySchemes)) {
      const out: JsonObject = { type: sc.type };
      for (const k of ['description', 'name', 'in', 'scheme', 'bearerFormat'] as const) if (sc[k] !== undefined) out[k] = sc[k];
      schemes[name] = out;
    }
    components['securitySchemes'] = sortKeys(schemes);
  }

  const doc: JsonObject = {
    openapi: '3.1.0',
    info: {
      title: api.info.title,
      version: model.version,
      description: infoDescription(api, delta),
      ...(api.info.license ? { license: api.info.license } : {}),
      ...(api.info.contact ? { contact: api.info.contact } : {}),
    },
  };
  if (model.servers.length) doc['servers'] = model.servers.map(emitServer);
  if (api.security) doc['security'] = api.security.map((r) => Object.fromEntries(Object.entries(r).map(([k, scopes]) => [k, [...scopes]])));
  doc['tags'] = api.tags.filter((t) => usedTags.has(t.name)).map((t) => ({ ...t }));
  doc['paths'] = paths;
  doc['components'] = components;
  doc['x-openstack-microversion'] = { version: model.version, ...(delta.releases.length ? { 'maximum-in': [...delta.releases] } : {}) };
  return doc;
}

/**
 * Server variable descriptions go into the server's description: the OpenAPI 3.1 schema that
 * swagger-parser bundles misspells that field ("descriptions"), so tools built on it reject it.
 */
export function emitServer(s: ServerUrl): JsonObject {
  const vars = Object.entries(s.variables ?? {});
  const notes = vars.filter(([, v]) => v.description).map(([k, v]) => `\`{${k}}\`: ${v.description}`);
  const description = [s.description, ...notes].filter(Boolean).join(' ');
  return {
    url: s.url,
    ...(description ? { description } : {}),
    ...(vars.length ? { variables: Object.fromEntries(vars.map(([k, v]) => [k, { default: v.default, ...(v.enum ? { enum: [...v.enum] } : {}) }])) } : {}),
  };
}

function infoDescription(api: ApiInfo, delta: Delta): string {
  const head = (api.info.description ?? '').trim();
  const rel = delta.releases.length ? ` (the maximum microversion of ${delta.releases.join(' and ')})` : '';
  return `${head}\n\n## Microversion ${delta.version.text}${rel}: ${delta.summary}\n\n${delta.description.trim()}\n`;
}

const FAULT: JsonObject = {
  type: 'object',
  description: 'An error as Nova reports it.',
  properties: {
    code: { type: 'integer', description: 'The HTTP status code.' },
    message: { type: 'string', description: 'A human-readable description of the error.' },
    details: { type: 'string', description: 'More details, when Nova has them.' },
  },
  required: ['code', 'message'],
};

function sortKeys(o: Record<string, unknown>): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}
