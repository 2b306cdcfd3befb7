// Generators for the fold properties: random base models (built by folding a generated base
// delta), and, for any model, the list of changes that are valid on it ("candidates"), each with
// the place in the model it writes to and, where one exists, the change that undoes it.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineCounter } from 'yaml';
import { foldDelta } from '../../src/compiler/fold/fold.js';
import type { Diagnostic } from '../../src/compiler/diagnostics/diagnostic.js';
import { EMPTY_MODEL, type Action, type ApiModel, type Operation, type Response, type Schema } from '../../src/compiler/model/api-model.js';
import type { ActionInput, ApiInfo, Change, Delta, OperationInput, ResponseInput } from '../../src/compiler/model/delta.js';
import { parseWhere, pointerText, type Segment, type Where } from '../../src/compiler/model/where.js';
import { parseVersion } from '../../src/compiler/source/version.js';

export const API: ApiInfo = {
  info: { title: 'Property API' },
  errors: {
    '400': { description: 'Bad request.', fault: 'badRequest' },
    '404': { description: 'Not found.', fault: 'itemNotFound' },
    '409': { description: 'Conflict.', fault: 'conflictingRequest' },
  },
  releases: {},
  tags: [{ name: 'things' }],
};

/** A change as authored: `where` is text, parsed when the delta is built. */
export type RawChange = { readonly kind: Change['kind']; readonly where?: string; readonly [field: string]: unknown };
export type JsonPath = readonly (string | number)[];

const NO_WHERE: Where = { text: '', subject: { kind: 'all' }, place: { kind: 'self' } };

export function toChange(c: RawChange): Change {
  let where = NO_WHERE;
  if (c.where !== undefined) {
    const w = parseWhere(c.where);
    if ('error' in w) throw new Error(`generator bug: where ${JSON.stringify(c.where)} does not parse: ${w.error}`);
    where = w;
  }
  return { ...c, where } as unknown as Change;
}

/** A checked delta, as check-spec would build it, without a YAML file behind it. */
export function mkDelta(minor: number, changes: readonly RawChange[]): Delta {
  const text = `2.${minor}`;
  return {
    version: parseVersion(text)!,
    file: { path: `/mem/versions/${text}.yaml`, text: '', lineCounter: new LineCounter(), doc: undefined },
    summary: `Version ${text}`,
    description: 'Generated.',
    releases: [],
    changes: changes.map((c, index) => ({ change: toChange(c), index })),
  };
}

export function fold(model: ApiModel, minor: number, changes: readonly RawChange[]): [ApiModel, Diagnostic[]] {
  return foldDelta(model, mkDelta(minor, changes), API);
}

/** Folds and insists that every change applied. */
export function foldClean(model: ApiModel, minor: number, changes: readonly RawChange[]): ApiModel {
  const [next, diags] = fold(model, minor, changes);
  assert.deepEqual(diags.map((d) => `${d.code}: ${d.message}`), [], `changes ${JSON.stringify(changes)} should apply`);
  return next;
}

/** The model without its version, for comparing models of different versions. */
export const content = (m: ApiModel): Omit<ApiModel, 'version'> => {
  const { version: _v, ...rest } = m;
  void _v;
  return rest;
};

// ---------------------------------------------------------------------------------------------
// Names and leaves

/** Names of Object.prototype members: ordinary names to the compiler, and generated as such. */
export const PROTO_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
/** The three the format forbids (check/forbidden-key), since copying them could pollute objects. */
const notProto = (s: string) => s !== '__proto__' && s !== 'constructor' && s !== 'prototype';

export const propNameArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/) },
  // Names that need escaping in a pointer, or look like other syntax.
  { weight: 1, arbitrary: fc.constantFrom('a/b', 'x~y', '~1', '~0', '~01', '/', '~', 'k.v', 'a:b', 'é', 'Name-1', '0', 'a#b', '$x', 'id[]', '[', 'req') },
).filter(notProto);
const paramNameArb = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,5}$/).filter(notProto);
const headerNameArb = fc.stringMatching(/^X-[A-Z][a-z]{0,4}$/);
const actionNameArb = fc.stringMatching(/^[a-z][a-zA-Z0-9-]{0,5}$/).filter(notProto);
const schemaNameArb = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,5}$/);
const methodArb = fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'PATCH');
const statusArb = fc.constantFrom('200', '201', '202', '204', '301', '400', '404', '409', '500');
const textArb = fc.string({ minLength: 1, maxLength: 12 });
const ERROR_CODES = [400, 404, 409];

// A path parameter is named after its position, so two paths of one template shape (which
// OpenAPI cannot tell apart) always name their parameters alike, as the fold requires.
const pathArb: fc.Arbitrary<string> = fc
  .array(fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/), { nil: undefined, freq: 3 }), { minLength: 1, maxLength: 3 })
  .map((segs) => '/' + segs.map((s, i) => s ?? `{p${i}_id}`).join('/'));

const pathParams = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

// ---------------------------------------------------------------------------------------------
// Schemas

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** A `$ref` to the k-th shared schema of whatever model the schema lands in (see resolveRefs). */
const REF_MARK = '#ref:';

const leafArbs: fc.Arbitrary<Schema>[] = [
  fc.record({ type: fc.constant('string'), description: opt(textArb), maxLength: opt(fc.integer({ min: 1, max: 99 })) }).map(defined),
  fc.record({ type: fc.constant('integer'), description: opt(textArb), minimum: opt(fc.integer({ min: 0, max: 9 })) }).map(defined),
  fc.record({ type: fc.constant('string'), description: opt(textArb), enum: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,4}$/), { minLength: 1, maxLength: 3 }) }).map(defined),
  fc.constant({ type: 'boolean', description: 'A flag.' }),
];
/** A leaf schema, without `$ref`. */
export const plainLeafArb: fc.Arbitrary<Schema> = fc.oneof(...leafArbs);
const leafWithRefArb: fc.Arbitrary<Schema> = fc.oneof(...leafArbs, fc.nat(9).map((k) => ({ $ref: REF_MARK + k })));

/** Schemas `depth` levels deep, built once: arbitraries are costly to construct. */
const nodeArbs: fc.Arbitrary<Schema>[] = [leafWithRefArb];
const objectArbs: fc.Arbitrary<Schema>[] = [];
for (let depth = 0; depth <= 2; depth++) {
  const child = nodeArbs[depth]!;
  objectArbs[depth] = fc
    .record({
      entries: fc.uniqueArray(fc.tuple(propNameArb, child, fc.boolean()), { selector: (e) => e[0], maxLength: 3 }),
      description: opt(textArb),
    })
    .map(({ entries, description }) => {
      const required = entries.filter((e) => e[2]).map((e) => e[0]);
      return defined({
        type: 'object',
        description,
        properties: Object.fromEntries(entries.map((e) => [e[0], e[1]])),
        required: required.length ? required : undefined,
      });
    });
  nodeArbs[depth + 1] = fc.oneof(
    { weight: 4, arbitrary: leafWithRefArb },
    { weight: 3, arbitrary: objectArbs[depth]! },
    { weight: 1, arbitrary: child.map((items) => ({ type: 'array', description: 'A list.', items })) },
    { weight: 1, arbitrary: child.map((v) => ({ type: 'object', description: 'A map.', properties: {}, additionalProperties: v })) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('oneOf', 'anyOf'), fc.array(objectArbs[depth]!, { minLength: 1, maxLength: 2 }))
        .map(([k, alts]) => ({ description: 'Alternatives.', [k]: alts })),
    },
  );
}

/** An object schema (always with `properties`, possibly empty), its $refs still placeholders. */
export const objectArb = (depth: 0 | 1 | 2): fc.Arbitrary<Schema> => objectArbs[depth]!;

/** Replaces the $ref placeholders in `value` by names of `names` (or by plain leaves if none). */
export function resolveRefs<T>(value: T, names: readonly string[]): T {
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, names)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const ref = (value as Record<string, unknown>)['$ref'];
  if (typeof ref === 'string' && ref.startsWith(REF_MARK)) {
    return (names.length ? { $ref: names[Number(ref.slice(REF_MARK.length)) % names.length] } : { type: 'string', description: 'Was a $ref.' }) as T;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, names)])) as T;
}

// ---------------------------------------------------------------------------------------------
// Operations and the base model

const headerInputArb = plainLeafArb.map((schema) => ({ description: 'A header.', schema }));

const responseInputArb: fc.Arbitrary<ResponseInput> = fc
  .record({
    description: textArb,
    schema: opt(objectArb(2)),
    headers: fc.uniqueArray(fc.tuple(headerNameArb, headerInputArb), { selector: (h) => h[0], maxLength: 2 }),
  })
  .map(({ description, schema, headers }) => defined({ description, schema, headers: headers.length ? Object.fromEntries(headers) : undefined }));

const responsesArb = fc.uniqueArray(fc.tuple(statusArb, responseInputArb), { selector: (r) => r[0], minLength: 1, maxLength: 2 }).map((rs) => Object.fromEntries(rs));

export const actionInputArb: fc.Arbitrary<ActionInput> = fc
  .record({ summary: textArb, description: opt(textArb), request: objectArb(2), responses: responsesArb, errors: fc.subarray(ERROR_CODES) })
  .map(({ errors, ...a }) => defined({ ...a, errors: errors.length ? errors : undefined }));

const smallActionInputArb: fc.Arbitrary<ActionInput> = fc
  .record({ summary: textArb, request: objectArb(0), status: statusArb, description: textArb })
  .map(({ summary, request, status, description }) => ({ summary, request: resolveRefs(request, []), responses: { [status]: { description } } }));

/** An operation input, but for the path parameters and the operationId. */
const operationShapeArb = (withActions: boolean) => fc
  .record({
    summary: textArb,
    description: opt(textArb),
    deprecated: opt(fc.boolean()),
    query: fc.uniqueArray(fc.tuple(paramNameArb, plainLeafArb, fc.boolean()), { selector: (q) => q[0], maxLength: 2 }),
    headers: fc.uniqueArray(headerNameArb, { maxLength: 1 }),
    request: withActions ? fc.constant(undefined) : opt(objectArb(2)),
    responses: withActions ? fc.constant(undefined) : responsesArb,
    errors: fc.subarray(ERROR_CODES),
    actions: withActions
      ? fc.uniqueArray(fc.tuple(actionNameArb, actionInputArb), { selector: (a) => a[0], minLength: 1, maxLength: 2 }).map((as) => Object.fromEntries(as))
      : fc.constant(undefined),
  })
  .map(({ query, headers, request, errors, ...o }) => (path: string, operationId: string): OperationInput => defined({
    operationId,
    tags: ['things'],
    ...o,
    parameters: [
      ...pathParams(path).map((name) => ({ in: 'path' as const, name, description: `The ${name}.`, schema: { type: 'string' } })),
      ...query.map(([name, schema, required]) => ({ in: 'query' as const, name, description: `Filter ${name}.`, schema, ...(required ? { required } : {}) })),
      ...headers.map((name) => ({ in: 'header' as const, name, description: 'A header.', schema: { type: 'string' } })),
    ],
    request: request ? { schema: request } : undefined,
    errors: errors.length ? errors : undefined,
  }));
const plainOperationArb = operationShapeArb(false);
const smallOperationArb = fc.record({ summary: textArb, status: statusArb, body: opt(objectArb(0)) }).map(({ summary, status, body }) => (path: string, operationId: string): OperationInput => ({
  operationId, summary, tags: ['things'],
  parameters: pathParams(path).map((name) => ({ in: 'path' as const, name, description: `The ${name}.`, schema: { type: 'string' } })),
  responses: { [status]: defined({ description: 'OK.', schema: body }) },
}));
const actionOperationArb = operationShapeArb(true);

export interface Base {
  readonly model: ApiModel;
  /** The changes of the base delta (2.1), which built `model` from nothing. */
  readonly changes: readonly RawChange[];
}

export const baseArb: fc.Arbitrary<Base> = fc
  .record({
    names: fc.uniqueArray(schemaNameArb, { maxLength: 3 }),
    schemas: fc.array(objectArb(1), { minLength: 3, maxLength: 3 }),
    ops: fc.uniqueArray(fc.tuple(methodArb, pathArb, plainOperationArb), { selector: ([m, p]) => `${m} ${p}`, minLength: 1, maxLength: 3 }),
    actionOp: opt(actionOperationArb),
    commonParam: fc.boolean(),
    commonHeader: fc.boolean(),
    servers: fc.boolean(),
  })
  .map(({ names, schemas, ops, actionOp, commonParam, commonHeader, servers }) => {
    const ACTION_KEY = 'POST /things/{p1_id}/action';
    const changes: RawChange[] = resolveRefs([
      ...(servers ? [{ kind: 'servers.change' as const, servers: [{ url: '/v1' }] }] : []),
      ...(commonParam ? [{ kind: 'parameter.add' as const, where: '* header X-Api-Version', parameter: { description: 'The version.', schema: { type: 'string' } } }] : []),
      ...(commonHeader ? [{ kind: 'header.add' as const, where: '* response header X-Request-Id', header: { description: 'The request.', schema: { type: 'string' } } }] : []),
      ...names.map((n, i) => ({ kind: 'schema.add' as const, where: `schema ${n}`, schema: schemas[i]! })),
      ...ops.map(([m, p, make], i) => ({ kind: 'operation.add' as const, where: `${m} ${p}`, operation: make(p, `op${i}`) })),
      ...(actionOp && !ops.some(([m, p]) => `${m} ${p}` === ACTION_KEY) ? [{ kind: 'operation.add' as const, where: ACTION_KEY, operation: actionOp('/things/{p1_id}/action', 'runAction') }] : []),
    ], names);
    return { model: foldClean(EMPTY_MODEL, 1, changes), changes };
  });

// ---------------------------------------------------------------------------------------------
// Candidates: the valid changes on a model

/** The random material one step draws from. */
export interface Material {
  readonly pick: number;
  readonly name: string;
  readonly name2: string;
  readonly param: string;
  readonly header: string;
  readonly status: string;
  readonly text: string;
  readonly leaf: Schema;
  readonly body: Schema;
  readonly schemaName: string;
  readonly action: string;
  readonly actionInput: ActionInput;
  readonly method: string;
  readonly path: string;
  readonly opInput: OperationInput;
  readonly flag: boolean;
  readonly refPick: number;
}

export const materialArb: fc.Arbitrary<Material> = fc.record({
  pick: fc.nat(),
  name: propNameArb,
  name2: propNameArb,
  param: paramNameArb,
  header: headerNameArb,
  status: statusArb,
  text: textArb,
  leaf: plainLeafArb,
  body: objectArb(1).map((b) => resolveRefs(b, [])),
  schemaName: schemaNameArb,
  action: actionNameArb,
  actionInput: smallActionInputArb,
  method: methodArb,
  path: pathArb,
  flag: fc.boolean(),
  refPick: fc.nat(),
  opShape: smallOperationArb,
}).map(({ opShape, ...m }) => ({ ...m, opInput: resolveRefs(opShape(m.path, `added${m.pick % 1000}`), []) }));

export const stepsArb = (max: number): fc.Arbitrary<Material[]> => fc.array(materialArb, { maxLength: max });

export interface Candidate {
  readonly change: RawChange;
  /** The model path the change writes to: everything off it must stay shared with the input. */
  readonly path: JsonPath;
  /** For a property change: the parent's properties, whose other entries must stay shared. */
  readonly siblings?: { readonly properties: JsonPath; readonly name: string };
  /** For an add (or a reversible edit): the change that undoes it. */
  readonly inverse?: RawChange;
  /** For a remove: the add that restores what it removed. */
  readonly readd?: RawChange;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

interface Body { readonly where: string; readonly root: Schema; readonly path: JsonPath; readonly removable: boolean; readonly requestRequired?: boolean }

interface SchemaNode { readonly node: Schema; readonly segs: readonly Segment[]; readonly jp: JsonPath }

/** Every node a pointer can reach (never through a $ref), as schema-path.ts walks them. */
function* schemaNodes(node: Schema, segs: readonly Segment[] = [], jp: JsonPath = []): Generator<SchemaNode> {
  yield { node, segs, jp };
  if (typeof node['$ref'] === 'string') return;
  if (isObj(node['properties'])) {
    for (const [k, v] of Object.entries(node['properties'])) if (isObj(v)) yield* schemaNodes(v, [...segs, { t: 'prop', name: k }], [...jp, 'properties', k]);
  }
  if (isObj(node['items'])) yield* schemaNodes(node['items'], [...segs, { t: 'items' }], [...jp, 'items']);
  if (isObj(node['additionalProperties'])) yield* schemaNodes(node['additionalProperties'], [...segs, { t: 'values' }], [...jp, 'additionalProperties']);
  const alt = Array.isArray(node['oneOf']) ? 'oneOf' : Array.isArray(node['anyOf']) ? 'anyOf' : undefined;
  if (alt) {
    const alts = node[alt] as unknown[];
    for (let i = 0; i < alts.length; i++) if (isObj(alts[i])) yield* schemaNodes(alts[i] as Schema, [...segs, { t: 'alt', index: i }], [...jp, alt, i]);
  }
}

function nodeAt(root: Schema, jp: JsonPath): Schema {
  let n: unknown = root;
  for (const k of jp) n = (n as Record<string | number, unknown>)[k];
  return n as Schema;
}

function bodiesOf(model: ApiModel): Body[] {
  const out: Body[] = [];
  for (const [key, op] of Object.entries(model.operations)) {
    const p: JsonPath = ['operations', key];
    if (op.request) out.push({ where: `${key} request`, root: op.request.schema, path: [...p, 'request', 'schema'], removable: true, requestRequired: op.request.required });
    for (const [st, r] of Object.entries(op.responses)) if (r.schema) out.push({ where: `${key} response ${st}`, root: r.schema, path: [...p, 'responses', st, 'schema'], removable: true });
    for (const [an, a] of Object.entries(op.actions ?? {})) {
      out.push({ where: `${key} #${an} request`, root: a.request, path: [...p, 'actions', an, 'request'], removable: false });
      for (const [st, r] of Object.entries(a.responses)) if (r.schema) out.push({ where: `${key} #${an} response ${st}`, root: r.schema, path: [...p, 'actions', an, 'responses', st, 'schema'], removable: true });
    }
  }
  for (const [name, s] of Object.entries(model.schemas)) out.push({ where: `schema ${name}`, root: s, path: ['schemas', name], removable: false });
  return out;
}

/** Every shared-schema name referenced in `value`. */
export function refsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (isObj(value)) for (const [k, v] of Object.entries(value)) (k === '$ref' && typeof v === 'string' ? out.add(v) : refsIn(v, out));
  return out;
}

export const responseInput = (r: Response): ResponseInput => defined({
  description: r.description,
  schema: r.schema,
  headers: Object.fromEntries(Object.entries(r.headers).map(([k, h]) => [k, { description: h.description, schema: h.schema }])),
});

function splitResponses(rs: Readonly<Record<string, Response>>): { responses: Record<string, ResponseInput>; errors?: number[] } {
  const responses: Record<string, ResponseInput> = {};
  const errors: number[] = [];
  for (const [st, r] of Object.entries(rs)) {
    if (r.error) errors.push(Number(st));
    else responses[st] = responseInput(r);
  }
  return errors.length ? { responses, errors } : { responses };
}

/** The input that operation.add turns into `op`, when there is one. */
export function operationInput(op: Operation): OperationInput | undefined {
  if (op.retiredIn || op.description === '') return undefined;
  let actions: Record<string, ActionInput> | undefined;
  if (op.actions) {
    actions = {};
    for (const [name, a] of Object.entries(op.actions)) {
      const ai = actionInput(a);
      if (!ai) return undefined;
      actions[name] = ai;
    }
  }
  const { responses, errors } = splitResponses(op.responses);
  if (!op.actions && Object.keys(op.responses).length === 0) return undefined;
  return defined({
    operationId: op.operationId, summary: op.summary, description: op.description, tags: op.tags,
    deprecated: op.deprecated, gone: op.gone,
    parameters: Object.values(op.parameters).map((p) => defined({ in: p.in, name: p.name, description: p.description, required: p.required, deprecated: p.deprecated, schema: p.schema })),
    request: op.request ? { required: op.request.required, schema: op.request.schema } : undefined,
    responses, errors, actions,
  });
}

export function actionInput(a: Action): ActionInput | undefined {
  if (a.retiredIn || a.description === '') return undefined;
  return defined({ summary: a.summary, description: a.description, deprecated: a.deprecated, gone: a.gone, request: a.request, ...splitResponses(a.responses) });
}

/** The changes that are valid on `model`, drawing names and values from `m`. */
export function candidates(model: ApiModel, m: Material): Lazy[] {
  const out: Lazy[] = [];
  const add = (kind: RawChange['kind'], make: () => Candidate) => out.push({ kind, make });
  const names = Object.keys(model.schemas);
  const leaf: Schema = m.flag && names.length ? { $ref: names[m.refPick % names.length]! } : m.leaf;

  // Bodies and the properties in them.
  for (const b of bodiesOf(model)) {
    add('body.replace', () => ({ change: { kind: 'body.replace', where: b.where, schema: m.body }, path: b.path }));
    if (b.removable) {
      const isRequest = b.where.endsWith(' request');
      const opPath = isRequest ? b.path.slice(0, -1) : b.path;
      add('body.remove', () => ({
        change: { kind: 'body.remove', where: b.where },
        path: opPath,
        readd: { kind: 'body.add', where: b.where, schema: b.root, ...(isRequest ? { required: b.requestRequired } : {}) },
      }));
    }
    for (const { node, segs, jp } of schemaNodes(b.root)) {
      const ptr = (extra: readonly Segment[] = []) => `${b.where} ${pointerText([...segs, ...extra])}`;
      const props = isObj(node['properties']) ? node['properties'] : undefined;
      if (typeof node['$ref'] !== 'string' && (props || node['type'] === 'object') && !(props && has(props, m.name))) {
        const where = ptr([{ t: 'prop', name: m.name }]);
        add('property.add', () => ({
          change: { kind: 'property.add', where, schema: leaf, ...(m.flag ? { required: true } : {}) },
          path: [...b.path, ...jp],
          ...(props ? { siblings: { properties: [...b.path, ...jp, 'properties'], name: m.name } } : {}),
          inverse: { kind: 'property.remove', where },
        }));
      }
      const last = segs[segs.length - 1];
      if (!last || last.t !== 'prop') continue;
      // `node` is a property: jp ends in 'properties', name.
      const parentJp = jp.slice(0, -2);
      const parent = nodeAt(b.root, parentJp);
      const siblings = { properties: [...b.path, ...jp.slice(0, -1)], name: last.name };
      const parentPath = [...b.path, ...parentJp];
      const required = Array.isArray(parent['required']) && (parent['required'] as string[]).includes(last.name);
      add('property.remove', () => ({
        change: { kind: 'property.remove', where: ptr() },
        path: parentPath, siblings,
        readd: { kind: 'property.add', where: ptr(), schema: node, ...(required ? { required: true } : {}) },
      }));
      const parentProps = parent['properties'] as Record<string, unknown>;
      if (!has(parentProps, m.name2)) {
        const renamed = `${b.where} ${pointerText([...segs.slice(0, -1), { t: 'prop', name: m.name2 }])}`;
        add('property.rename', () => ({ change: { kind: 'property.rename', where: ptr(), to: m.name2 }, path: parentPath, siblings, inverse: { kind: 'property.rename', where: renamed, to: last.name } }));
      }
      add('property.change', () => ({ change: { kind: 'property.change', where: ptr(), set: { description: m.text } }, path: [...b.path, ...jp], siblings }));
      add('property.change', () => ({ change: { kind: 'property.change', where: ptr(), required: !required }, path: parentPath, siblings, inverse: { kind: 'property.change', where: ptr(), required } }));
      if (has(node, 'description')) add('property.change', () => ({ change: { kind: 'property.change', where: ptr(), unset: ['description'] }, path: [...b.path, ...jp], siblings }));
      if (Array.isArray(node['enum']) && !(node['enum'] as unknown[]).includes(m.text)) {
        add('property.change', () => ({
          change: { kind: 'property.change', where: ptr(), enumAdded: [m.text] },
          path: [...b.path, ...jp], siblings,
          inverse: { kind: 'property.change', where: ptr(), enumRemoved: [m.text] },
        }));
      }
    }
  }

  // Operations, their parameters, responses, headers and actions.
  for (const [key, op] of Object.entries(model.operations)) {
    const p: JsonPath = ['operations', key];
    add('operation.change', () => ({ change: { kind: 'operation.change', where: key, set: m.flag ? { summary: m.text } : { description: m.text, deprecated: true } }, path: p }));
    const input = operationInput(op);
    add('operation.remove', () => ({ change: { kind: 'operation.remove', where: key, answers: 404 }, path: p, ...(input ? { readd: { kind: 'operation.add', where: key, operation: input } } : {}) }));
    if (!op.retiredIn) add('operation.remove', () => ({ change: { kind: 'operation.remove', where: key, answers: 410 }, path: p }));
    for (const [pin, pname] of [['query', m.param], ['header', m.header]] as const) {
      const pk = `${pin} ${pname}`;
      // Not a header that every operation takes already.
      if (has(op.parameters, pk) || has(model.commonParameters, pk)) continue;
      const where = `${key} ${pin} ${pname}`;
      add('parameter.add', () => ({ change: { kind: 'parameter.add', where, parameter: { description: m.text, schema: m.leaf, ...(m.flag ? { required: true } : {}) } }, path: [...p, 'parameters', pk], inverse: { kind: 'parameter.remove', where } }));
    }
    for (const [pk, prm] of Object.entries(op.parameters)) {
      const where = `${key} ${prm.in} ${prm.name}`;
      add('parameter.change', () => ({ change: { kind: 'parameter.change', where, description: m.text, set: { description: m.text } }, path: [...p, 'parameters', pk] }));
      if (prm.in === 'path') continue;
      add('parameter.remove', () => ({
        change: { kind: 'parameter.remove', where },
        path: [...p, 'parameters', pk],
        readd: { kind: 'parameter.add', where, parameter: defined({ description: prm.description, schema: prm.schema, required: prm.required, deprecated: prm.deprecated }) },
      }));
    }
    const holders: { where: string; path: JsonPath; responses: Readonly<Record<string, Response>> }[] = [];
    if (!op.actions) holders.push({ where: key, path: p, responses: op.responses });
    for (const [an, a] of Object.entries(op.actions ?? {})) holders.push({ where: `${key} #${an}`, path: [...p, 'actions', an], responses: a.responses });
    for (const h of holders) {
      const rp = [...h.path, 'responses'];
      if (!has(h.responses, m.status)) {
        const where = `${h.where} response ${m.status}`;
        add('response.add', () => ({
          change: { kind: 'response.add', where, response: defined({ description: m.text, schema: m.flag ? m.body : undefined }) },
          path: [...rp, m.status], inverse: { kind: 'response.remove', where },
        }));
        if (has(API.errors, m.status)) add('response.add', () => ({ change: { kind: 'response.add', where, error: true }, path: [...rp, m.status], inverse: { kind: 'response.remove', where } }));
      }
      for (const [st, r] of Object.entries(h.responses)) {
        const where = `${h.where} response ${st}`;
        add('response.remove', () => ({
          change: { kind: 'response.remove', where },
          path: [...rp, st],
          readd: r.error ? { kind: 'response.add', where, error: true } : { kind: 'response.add', where, response: responseInput(r) },
        }));
        add('response.change', () => ({ change: { kind: 'response.change', where, set: { description: m.text } }, path: [...rp, st] }));
        if (!has(h.responses, m.status)) {
          add('status.change', () => ({ change: { kind: 'status.change', where, to: Number(m.status) }, path: [...rp, st], inverse: { kind: 'status.change', where: `${h.where} response ${m.status}`, to: Number(st) } }));
        }
        if (!r.schema) add('body.add', () => ({ change: { kind: 'body.add', where, schema: m.body }, path: [...rp, st, 'schema'], inverse: { kind: 'body.remove', where } }));
        if (!has(r.headers, m.header)) {
          const hw = `${where} header ${m.header}`;
          add('header.add', () => ({ change: { kind: 'header.add', where: hw, header: { description: m.text, schema: m.leaf } }, path: [...rp, st, 'headers', m.header], inverse: { kind: 'header.remove', where: hw } }));
        }
        for (const [hn, hd] of Object.entries(r.headers)) {
          const hw = `${where} header ${hn}`;
          add('header.remove', () => ({ change: { kind: 'header.remove', where: hw }, path: [...rp, st, 'headers', hn], readd: { kind: 'header.add', where: hw, header: { description: hd.description, schema: hd.schema } } }));
        }
      }
    }
    if (!op.actions && !op.request) {
      const where = `${key} request`;
      add('body.add', () => ({ change: { kind: 'body.add', where, schema: m.body, ...(m.flag ? { required: false } : {}) }, path: [...p, 'request'], inverse: { kind: 'body.remove', where } }));
    }
    if (op.actions) {
      if (!has(op.actions, m.action)) {
        const where = `${key} #${m.action}`;
        add('action.add', () => ({ change: { kind: 'action.add', where, action: m.actionInput }, path: [...p, 'actions', m.action], inverse: { kind: 'action.remove', where, answers: 404 } }));
      }
      for (const [an, a] of Object.entries(op.actions)) {
        const where = `${key} #${an}`;
        const ai = actionInput(a);
        add('action.remove', () => ({ change: { kind: 'action.remove', where, answers: 404 }, path: [...p, 'actions', an], ...(ai ? { readd: { kind: 'action.add', where, action: ai } } : {}) }));
        if (!a.retiredIn) add('action.remove', () => ({ change: { kind: 'action.remove', where, answers: 410 }, path: [...p, 'actions', an] }));
        add('action.change', () => ({ change: { kind: 'action.change', where, set: { summary: m.text } }, path: [...p, 'actions', an] }));
      }
    }
  }
  const newKey = `${m.method} ${m.path}`;
  if (!has(model.operations, newKey) && !Object.values(model.operations).some((o) => o.operationId === m.opInput.operationId)) {
    add('operation.add', () => ({ change: { kind: 'operation.add', where: newKey, operation: m.opInput }, path: ['operations', newKey], inverse: { kind: 'operation.remove', where: newKey, answers: 404 } }));
  }

  // Shared schemas.
  if (!has(model.schemas, m.schemaName)) {
    const where = `schema ${m.schemaName}`;
    add('schema.add', () => ({ change: { kind: 'schema.add', where, schema: m.body }, path: ['schemas', m.schemaName], inverse: { kind: 'schema.remove', where } }));
  }
  const outside = refsIn([model.operations, model.commonParameters, model.commonResponseHeaders]);
  const bySchema = Object.entries(model.schemas).map(([n, s]) => [n, refsIn(s)] as const);
  for (const [name, s] of Object.entries(model.schemas)) {
    // A schema referenced only by itself can go.
    const used = outside.has(name) || bySchema.some(([n, refs]) => n !== name && refs.has(name));
    if (!used) add('schema.remove', () => ({ change: { kind: 'schema.remove', where: `schema ${name}` }, path: ['schemas', name], readd: { kind: 'schema.add', where: `schema ${name}`, schema: s } }));
  }

  // What every operation shares.
  const cp = `header ${m.header}`;
  // Not a header that some operation takes on its own.
  if (!has(model.commonParameters, cp) && !Object.values(model.operations).some((o) => has(o.parameters, cp))) {
    const where = `* header ${m.header}`;
    add('parameter.add', () => ({ change: { kind: 'parameter.add', where, parameter: { description: m.text, schema: m.leaf } }, path: ['commonParameters', cp], inverse: { kind: 'parameter.remove', where } }));
  }
  for (const [pk, prm] of Object.entries(model.commonParameters)) {
    const where = `* header ${prm.name}`;
    add('parameter.remove', () => ({
      change: { kind: 'parameter.remove', where },
      path: ['commonParameters', pk],
      readd: { kind: 'parameter.add', where, parameter: defined({ description: prm.description, schema: prm.schema, required: prm.required, deprecated: prm.deprecated }) },
    }));
    add('parameter.change', () => ({ change: { kind: 'parameter.change', where, set: { description: m.text } }, path: ['commonParameters', pk] }));
  }
  if (!has(model.commonResponseHeaders, m.header)) {
    const where = `* response header ${m.header}`;
    add('header.add', () => ({ change: { kind: 'header.add', where, header: { description: m.text, schema: m.leaf } }, path: ['commonResponseHeaders', m.header], inverse: { kind: 'header.remove', where } }));
  }
  for (const [hn, h] of Object.entries(model.commonResponseHeaders)) {
    const where = `* response header ${hn}`;
    add('header.remove', () => ({ change: { kind: 'header.remove', where }, path: ['commonResponseHeaders', hn], readd: { kind: 'header.add', where, header: { description: h.description, schema: h.schema } } }));
  }
  add('servers.change', () => ({ change: { kind: 'servers.change', servers: [{ url: `/v${m.pick % 9}`, description: m.text }] }, path: ['servers'] }));
  return out;
}

/** A candidate not yet built: models offer hundreds, a step needs one. */
export interface Lazy { readonly kind: RawChange['kind']; readonly make: () => Candidate }

/** One candidate: the kind first, evenly among the kinds on offer, then one of that kind. */
export function pickOne(xs: readonly Lazy[], n: number, kind?: RawChange['kind']): Candidate | undefined {
  const pool = kind ? xs.filter((x) => x.kind === kind) : xs;
  if (!pool.length) return undefined;
  if (kind) return pool[n % pool.length]!.make();
  const kinds = [...new Set(pool.map((x) => x.kind))];
  const k = kinds[n % kinds.length]!;
  const ofKind = pool.filter((x) => x.kind === k);
  return ofKind[Math.floor(n / kinds.length) % ofKind.length]!.make();
}

/** Applies one valid change per material, one delta each; returns the changes and the models. */
export function simulate(base: ApiModel, steps: readonly Material[], firstMinor = 2): { model: ApiModel; changes: RawChange[]; models: ApiModel[] } {
  let model = base;
  const changes: RawChange[] = [];
  const models: ApiModel[] = [];
  for (const m of steps) {
    const c = pickOne(candidates(model, m), m.pick);
    if (!c) continue;
    model = foldClean(model, firstMinor + changes.length, [c.change]);
    changes.push(c.change);
    models.push(model);
  }
  return { model, changes, models };
}

/** How "shared" is judged: identity, unless a test knows better. */
export type Same = (prev: unknown, next: unknown, at: string) => boolean;

/**
 * Everything off `path` is the same object in `next` as in `prev`: at each level of the path,
 * every other key holds the identical value, and none was removed. The path's last element is
 * the node the change rewrote.
 */
export function assertSharedOffPath(prev: unknown, next: unknown, path: JsonPath, same: Same = (a, b) => a === b, at = ''): void {
  // At the end of the path is the node the change rewrote: anything may differ inside it.
  if (path.length === 0 || typeof prev !== 'object' || prev === null || typeof next !== 'object' || next === null) return;
  const [head, ...rest] = path;
  const p = prev as Record<string, unknown>, n = next as Record<string, unknown>;
  for (const k of Object.keys(n)) {
    if (k === String(head) || (at === '' && k === 'version') || !has(p, k)) continue;
    assert.ok(same(p[k], n[k], `${at}/${k}`), `${at}/${k} is not shared with the previous model (the change writes ${JSON.stringify(path)})`);
  }
  for (const k of Object.keys(p)) {
    if (k !== String(head) && !has(n, k)) assert.fail(`${at}/${k} disappeared, off the path the change writes (${JSON.stringify(path)})`);
  }
  if (head !== undefined && has(p, String(head)) && has(n, String(head))) assertSharedOffPath(p[String(head)], n[String(head)], rest, same, `${at}/${head}`);
}

/** Deep copy with every `required` list sorted: requiredness is a set, its order is not content. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isObj(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === 'required' && Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : canonical(v);
  return out;
}

/** Retirement records the version it happened in; regrouping changes moves them between versions. */
export function withoutRetiredIn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRetiredIn);
  if (!isObj(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'retiredIn' ? '(some version)' : withoutRetiredIn(v)]));
}

export { EMPTY_MODEL };
