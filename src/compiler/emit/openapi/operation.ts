// One model operation (and its actions) → an OpenAPI operation plus the component schemas it
// hoists. Memoized by identity of the operation and of the API-wide headers.
import type { Action, ApiModel, Header, Operation, Parameter, Response } from '../../model/api-model.js';
import type { ApiInfo } from '../../model/delta.js';
import { emitSchema, type JsonObject } from './schema.js';
import { emitServer } from './document.js';
import { actionRequestName, actionResponseName, errorResponseName, headerParamName, requestName, responseName, schemaRef } from './names.js';

export interface EmittedOperation {
  readonly operation: JsonObject;
  /** Component schemas this operation's bodies were hoisted to. */
  readonly schemas: Readonly<Record<string, JsonObject>>;
  /** Status codes of the shared error responses it refers to. */
  readonly errors: readonly string[];
}

const JSON_MEDIA = 'application/json';
const memo = new WeakMap<Operation, { commons: ApiModel['commonParameters']; headers: ApiModel['commonResponseHeaders']; out: EmittedOperation }>();

export function emitOperation(op: Operation, model: ApiModel, api: ApiInfo): EmittedOperation {
  const hit = memo.get(op);
  if (hit && hit.commons === model.commonParameters && hit.headers === model.commonResponseHeaders) return hit.out;
  const out = build(op, model, api);
  memo.set(op, { commons: model.commonParameters, headers: model.commonResponseHeaders, out });
  return out;
}

const isSuccess = (status: string) => status.startsWith('2') || status.startsWith('3');

function build(op: Operation, model: ApiModel, api: ApiInfo): EmittedOperation {
  const schemas: Record<string, JsonObject> = {};
  const errors = new Set<string>();
  const retired = op.retiredIn !== undefined;
  const commonHeaders = Object.keys(model.commonResponseHeaders);

  const parameters: JsonObject[] = [];
  const order = { path: 0, query: 1, header: 2 } as const;
  const params = Object.values(op.parameters).sort((a, b) => order[a.in] - order[b.in]);
  for (const p of params) parameters.push(emitParameter(p));
  for (const p of Object.values(model.commonParameters)) parameters.push({ $ref: `#/components/parameters/${headerParamName(p.name)}` });

  const o: JsonObject = {
    operationId: op.operationId,
    summary: op.summary,
  };
  o['description'] = describeOperation(op, api);
  o['tags'] = [...op.tags];
  if (parameters.length) o['parameters'] = parameters;

  let responses: Record<string, JsonObject> = {};
  if (op.actions) {
    const actions = Object.values(op.actions);
    if (!retired) {
      const alts = actions.map((a) => {
        const name = actionRequestName(op.operationId, a.name);
        schemas[name] = { ...emitSchema(a.request), 'x-openstack-action': a.name, ...(a.deprecated || a.gone || a.retiredIn ? { deprecated: true } : {}) };
        return { $ref: schemaRef(name) };
      });
      const reqName = requestName(op.operationId);
      // One action: allOf, since a oneOf of one schema is flagged by linters; the name stays stable.
      schemas[reqName] = alts.length === 1
        ? { description: `The body of the action ${actions[0]!.name}.`, allOf: alts }
        : { description: `The body of one of the actions: ${actions.map((a) => a.name).join(', ')}.`, oneOf: alts };
      o['requestBody'] = { required: true, content: { [JSON_MEDIA]: { schema: { $ref: schemaRef(reqName) } } } };
    }
    responses = retired ? {} : actionResponses(op, actions, api, schemas, errors, commonHeaders);
  } else if (!retired) {
    if (op.request) {
      const name = requestName(op.operationId);
      schemas[name] = emitSchema(op.request.schema);
      o['requestBody'] = { required: op.request.required, content: { [JSON_MEDIA]: { schema: { $ref: schemaRef(name) } } } };
    }
    const successes = Object.keys(op.responses).filter((s) => isSuccess(s) && op.responses[s]!.schema);
    for (const [status, r] of Object.entries(op.responses)) {
      if (r.error) { errors.add(status); responses[status] = { $ref: `#/components/responses/${errorName(api, status)}` }; continue; }
      let schemaName: string | undefined;
      if (r.schema) {
        schemaName = responseName(op.operationId, status, successes.length === 1 && successes[0] === status);
        schemas[schemaName] = emitSchema(r.schema);
      }
      responses[status] = emitResponse(r, schemaName, commonHeaders);
    }
  }
  if (op.gone || retired) {
    errors.add('410');
    responses = { ...responses, '410': { $ref: `#/components/responses/${errorName(api, '410')}` } };
  }
  o['responses'] = sortStatuses(responses);
  if (op.deprecated || op.gone || retired) o['deprecated'] = true;
  if (op.security) o['security'] = op.security.map((r) => Object.fromEntries(Object.entries(r).map(([k, scopes]) => [k, [...scopes]])));
  if (op.servers) o['servers'] = op.servers.map(emitServer);
  return { operation: o, schemas, errors: [...errors].sort() };
}

function actionResponses(op: Operation, actions: readonly Action[], api: ApiInfo, schemas: Record<string, JsonObject>, errors: Set<string>, commonHeaders: readonly string[]): Record<string, JsonObject> {
  const byStatus = new Map<string, { action: Action; r: Response }[]>();
  for (const a of actions) {
    if (a.retiredIn) continue;
    for (const [status, r] of Object.entries(a.responses)) byStatus.set(status, [...(byStatus.get(status) ?? []), { action: a, r }]);
  }
  const out: Record<string, JsonObject> = {};
  for (const [status, entries] of byStatus) {
    if (entries.every((e) => e.r.error)) { errors.add(status); out[status] = { $ref: `#/components/responses/${errorName(api, status)}` }; continue; }
    const own = entries.filter((e) => !e.r.error);
    const bodies = own.filter((e) => e.r.schema).map((e) => {
      const name = actionResponseName(op.operationId, e.action.name, status);
      schemas[name] = { ...emitSchema(e.r.schema!), 'x-openstack-action': e.action.name };
      return { $ref: schemaRef(name) };
    });
    const descriptions = [...new Set(own.map((e) => e.r.description))];
    const description = descriptions.length === 1
      ? descriptions[0]!
      : own.map((e) => `\`${e.action.name}\`: ${e.r.description}`).join('\n');
    const headers: Record<string, Header> = {};
    for (const e of own) for (const [hn, h] of Object.entries(e.r.headers)) headers[hn] = h;
    // Several actions' bodies: anyOf, not oneOf, since bodies of different actions may overlap
    // (createImage and createBackup both answer { image_id }), and a body matching two would fail
    // a oneOf. Hoisted to a named schema, so generators do not invent an inline name.
    let schema: JsonObject | undefined;
    if (bodies.length === 1) schema = bodies[0]!;
    else if (bodies.length > 1) {
      const name = responseName(op.operationId, status, false);
      schemas[name] = { description: `The body of the answer to one of the actions: ${own.filter((e) => e.r.schema).map((e) => e.action.name).join(', ')}.`, anyOf: bodies };
      schema = { $ref: schemaRef(name) };
    }
    out[status] = emitResponseWith(description, headers, schema, commonHeaders);
  }
  return out;
}

export function errorName(api: ApiInfo, status: string): string {
  return errorResponseName(api.errors[status]?.fault ?? `error${status}`);
}

function emitResponse(r: Response, schemaName: string | undefined, commonHeaders: readonly string[]): JsonObject {
  return emitResponseWith(r.description, r.headers, schemaName ? { $ref: schemaRef(schemaName) } : undefined, commonHeaders);
}

function emitResponseWith(description: string, headers: Readonly<Record<string, Header>>, schema: JsonObject | undefined, commonHeaders: readonly string[]): JsonObject {
  const out: JsonObject = { description };
  const h: JsonObject = {};
  for (const name of commonHeaders) h[name] = { $ref: `#/components/headers/${name}` };
  for (const [name, header] of Object.entries(headers)) h[name] = emitHeader(header);
  if (Object.keys(h).length) out['headers'] = h;
  if (schema) out['content'] = { [JSON_MEDIA]: { schema } };
  return out;
}

export function emitHeader(h: Header): JsonObject {
  return { description: h.description, schema: emitSchema(h.schema) };
}

export function emitParameter(p: Parameter): JsonObject {
  return {
    name: p.name, in: p.in, description: p.description, required: p.required,
    ...(p.deprecated ? { deprecated: true } : {}),
    schema: emitSchema(p.schema),
  };
}

/**
 * The operation's description. Without one in the data: its summary and its tags' descriptions,
 * except on an action operation, which the list of its actions describes.
 */
function describeOperation(op: Operation, api: ApiInfo): string {
  const parts: string[] = [];
  if (op.description) parts.push(op.description.trim());
  else if (!op.actions) parts.push([sentence(op.summary), ...op.tags.map((t) => api.tags.find((x) => x.name === t)?.description).filter((d): d is string => !!d)].join(' '));
  if (op.retiredIn) parts.push(`**Retired in microversion ${op.retiredIn}:** from this microversion the API answers 410 Gone.`);
  if (op.gone) parts.push(`**Removed in ${op.gone.release}:** deployments of that release and later answer 410 Gone at every microversion; this document keeps the contract for older deployments.`);
  if (op.actions) {
    const list = Object.values(op.actions).map((a) => {
      const flags = [a.retiredIn ? `retired in ${a.retiredIn}: answers 410` : '', a.gone ? `removed in ${a.gone.release}: answers 410` : '', a.deprecated && !a.retiredIn && !a.gone ? 'deprecated' : ''].filter(Boolean);
      return `### \`${a.name}\`${flags.length ? ` (${flags.join('; ')})` : ''}\n\n${a.summary}${a.description ? `\n\n${a.description.trim()}` : ''}`;
    });
    parts.push(`The request body names one action. Actions at this microversion:\n\n${list.join('\n\n')}`);
  }
  return parts.join('\n\n');
}

const sentence = (s: string): string => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

function sortStatuses(r: Record<string, JsonObject>): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const k of Object.keys(r).sort()) out[k] = r[k]!;
  return out;
}

