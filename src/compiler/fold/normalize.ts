// Turns authored inputs into model nodes: parameter lists become keyed records, `errors:` become
// error responses described by api.yaml.
import type { Action, Header, Operation, Parameter, Response } from '../model/api-model.js';
import { parameterKey } from '../model/api-model.js';
import type { ActionInput, ApiInfo, HeaderInput, OperationInput, ParameterInput, ResponseInput } from '../model/delta.js';

export function toResponse(r: ResponseInput): Response {
  const headers: Record<string, Header> = {};
  for (const [k, h] of Object.entries(r.headers ?? {})) headers[k] = toHeader(h);
  return { description: r.description, ...(r.schema ? { schema: r.schema } : {}), headers };
}

export const toHeader = (h: HeaderInput): Header => ({ description: h.description, schema: h.schema });

export function toResponses(api: ApiInfo, responses: Readonly<Record<string, ResponseInput>>, errors: readonly number[] = []): Record<string, Response> {
  const out: Record<string, Response> = {};
  for (const [status, r] of Object.entries(responses)) out[status] = toResponse(r);
  for (const code of errors) {
    const status = String(code);
    if (!(status in out)) out[status] = { description: api.errors[status]?.description ?? 'Error.', headers: {}, error: true };
  }
  return out;
}

export function toParameter(p: ParameterInput): Parameter {
  return {
    in: p.in, name: p.name, description: p.description,
    // Path parameters are always required in OpenAPI.
    required: p.in === 'path' ? true : (p.required ?? false),
    ...(p.deprecated ? { deprecated: true } : {}),
    schema: p.schema,
  };
}

export function toAction(api: ApiInfo, name: string, a: ActionInput): Action {
  return {
    name, summary: a.summary, ...(a.description ? { description: a.description } : {}),
    deprecated: a.deprecated ?? false, ...(a.gone ? { gone: a.gone } : {}),
    request: a.request, responses: toResponses(api, a.responses, a.errors),
  };
}

export function toOperation(api: ApiInfo, method: string, path: string, o: OperationInput): Operation {
  const parameters: Record<string, Parameter> = {};
  for (const p of o.parameters ?? []) parameters[parameterKey(p.in, p.name)] = toParameter(p);
  const actions: Record<string, Action> | undefined = o.actions ? {} : undefined;
  for (const [name, a] of Object.entries(o.actions ?? {})) actions![name] = toAction(api, name, a);
  return {
    method, path, operationId: o.operationId, summary: o.summary,
    ...(o.description ? { description: o.description } : {}),
    tags: o.tags, deprecated: o.deprecated ?? false, ...(o.gone ? { gone: o.gone } : {}),
    parameters,
    ...(o.request ? { request: { required: o.request.required ?? true, schema: o.request.schema } } : {}),
    responses: toResponses(api, o.responses ?? {}, o.errors),
    ...(actions ? { actions } : {}),
    ...(o.servers ? { servers: o.servers } : {}),
    ...(o.security ? { security: o.security } : {}),
  };
}

/** The `{name}`s of a path template, in order. */
export const pathParams = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
