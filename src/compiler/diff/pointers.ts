// Where a model node lands in the emitted OpenAPI document: the same names the emitter uses
// (src/compiler/emit/openapi/names.ts), so a change record's pointer resolves in the document.
import type { Operation, Schema } from '../model/api-model.js';
import { actionRequestName, actionResponseName, headerParamName, requestName, responseName } from '../emit/openapi/names.js';

export const escapeToken = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
export const pointerOf = (...tokens: readonly string[]): string => tokens.map((t) => '/' + escapeToken(t)).join('');
const unescapeToken = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');
export const splitPointer = (p: string): string[] => (p === '' ? [] : p.slice(1).split('/').map(unescapeToken));

const PARAM_ORDER = { path: 0, query: 1, header: 2 } as const;
const isSuccess = (status: string) => status.startsWith('2') || status.startsWith('3');

export const operationPointer = (op: Operation): string => pointerOf('paths', op.path, op.method.toLowerCase());
export const componentSchemaPointer = (name: string): string => pointerOf('components', 'schemas', name);
export const commonParameterPointer = (name: string): string => pointerOf('components', 'parameters', headerParamName(name));
export const commonHeaderPointer = (name: string): string => pointerOf('components', 'headers', name);

/** The index the emitter gives a parameter (path, then query, then header; insertion order within). */
export function parameterPointer(op: Operation, key: string): string {
  const keys = Object.keys(op.parameters);
  const sorted = keys.map((k, i) => ({ k, i, order: PARAM_ORDER[op.parameters[k]!.in] })).sort((a, b) => a.order - b.order || a.i - b.i);
  const index = sorted.findIndex((x) => x.k === key);
  return `${operationPointer(op)}/parameters/${index}`;
}

export const requestBodyPointer = (op: Operation): string => `${operationPointer(op)}/requestBody`;
export const requestSchemaPointer = (op: Operation): string => componentSchemaPointer(requestName(op.operationId));
export const responsePointer = (op: Operation, status: string): string => `${operationPointer(op)}/responses/${status}`;
export const responseHeaderPointer = (op: Operation, status: string, name: string): string => `${responsePointer(op, status)}/headers/${escapeToken(name)}`;

/** The component a response body is hoisted to: `<Op>Response` when it is the only success body. */
export function responseSchemaPointer(op: Operation, status: string): string {
  const successes = Object.keys(op.responses).filter((s) => isSuccess(s) && op.responses[s]!.schema);
  return componentSchemaPointer(responseName(op.operationId, status, successes.length === 1 && successes[0] === status));
}

export const actionRequestPointer = (op: Operation, action: string): string => componentSchemaPointer(actionRequestName(op.operationId, action));
export const actionResponseSchemaPointer = (op: Operation, action: string, status: string): string => componentSchemaPointer(actionResponseName(op.operationId, action, status));

/** A model schema that is nullable without a `type` is emitted as `{ description, anyOf: [it, {type: null}] }`. */
const wrapped = (s: Schema): boolean => s['nullable'] === true && typeof s['type'] !== 'string' && !Array.isArray(s['type']);

/** The pointer of keyword `key` of the emitted form of model schema `s` at `at`. */
export function keywordPointer(s: Schema, at: string, key: string): string {
  const k = key === 'example' ? 'examples' : key;
  if (wrapped(s) && key !== 'description') return `${at}/anyOf/0/${escapeToken(k)}`;
  return `${at}/${escapeToken(k)}`;
}

export type ChildStep = { readonly t: 'prop'; readonly name: string } | { readonly t: 'items' } | { readonly t: 'values' } | { readonly t: 'alt'; readonly key: 'oneOf' | 'anyOf' | 'allOf'; readonly index: number };

/** The pointer of a child of model schema `s` at `at`. */
export function childPointer(s: Schema, at: string, step: ChildStep): string {
  const base = wrapped(s) ? `${at}/anyOf/0` : at;
  switch (step.t) {
    case 'prop': return `${base}/properties/${escapeToken(step.name)}`;
    case 'items': return `${base}/items`;
    case 'values': return `${base}/additionalProperties`;
    case 'alt': return `${base}/${step.key}/${step.index}`;
  }
}

