// The shapes of api.yaml and of a delta file: the closed vocabulary of change kinds lives here.
import type { Prop, Shape } from './shape.js';

const str = (doc?: string): Shape => ({ t: 'string', ...(doc ? { doc } : {}) });
const bool = (doc?: string): Shape => ({ t: 'boolean', ...(doc ? { doc } : {}) });
const req = (shape: Shape, doc?: string): Prop => ({ shape, required: true, ...(doc ? { doc } : {}) });
const opt = (shape: Shape, doc?: string): Prop => ({ shape, ...(doc ? { doc } : {}) });
const ref = (name: string): Shape => ({ t: 'ref', name });
const X_KEYS = /^x-/;
const STATUS_KEYS = /^[1-5]\d\d$/;

export const SCHEMA_KEYS = [
  'type', 'format', 'description', 'title', 'enum', 'const', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
  'default', 'nullable', 'deprecated', 'readOnly', 'writeOnly', 'example', 'properties', 'required', 'additionalProperties',
  'patternProperties', 'items', 'oneOf', 'anyOf', 'allOf', 'not', '$ref',
] as const;

const TYPE_NAMES = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'null'] as const;
const typeShape: Shape = { t: 'union', options: [{ t: 'string', enum: TYPE_NAMES }, { t: 'array', items: { t: 'string', enum: TYPE_NAMES } }] };

const schemaProps: Record<(typeof SCHEMA_KEYS)[number], Prop> = {
  type: opt(typeShape, 'JSON type, or a list of types'),
  format: opt(str()), description: opt(str()), title: opt(str()),
  enum: opt({ t: 'array', items: { t: 'any' } }), const: opt({ t: 'any' }),
  pattern: opt(str('ECMAScript regular expression')),
  minLength: opt({ t: 'integer' }), maxLength: opt({ t: 'integer' }),
  minimum: opt({ t: 'number' }), maximum: opt({ t: 'number' }),
  exclusiveMinimum: opt({ t: 'number' }), exclusiveMaximum: opt({ t: 'number' }), multipleOf: opt({ t: 'number' }),
  minItems: opt({ t: 'integer' }), maxItems: opt({ t: 'integer' }), uniqueItems: opt(bool()),
  minProperties: opt({ t: 'integer' }), maxProperties: opt({ t: 'integer' }),
  default: opt({ t: 'any' }), nullable: opt(bool('null is also allowed')), deprecated: opt(bool()),
  readOnly: opt(bool()), writeOnly: opt(bool()), example: opt({ t: 'any' }),
  properties: opt({ t: 'map', values: ref('schema') }),
  required: opt({ t: 'array', items: str() }),
  additionalProperties: opt({ t: 'union', options: [bool(), ref('schema')] }),
  patternProperties: opt({ t: 'map', values: ref('schema') }),
  items: opt(ref('schema')),
  oneOf: opt({ t: 'array', items: ref('schema') }), anyOf: opt({ t: 'array', items: ref('schema') }),
  allOf: opt({ t: 'array', items: ref('schema') }), not: opt(ref('schema')),
  $ref: opt({ t: 'string', pattern: /^[A-Za-z][A-Za-z0-9_]*$/, patternDoc: 'a shared schema name' }),
};

const schema: Shape = { t: 'object', props: schemaProps, extensions: X_KEYS, doc: 'A JSON Schema subset (spec/README.md, "Schemas")' };

const header: Shape = { t: 'object', props: { description: req(str()), schema: req(ref('schema')) } };
const response: Shape = {
  t: 'object',
  props: { description: req(str()), schema: opt(ref('schema')), headers: opt({ t: 'map', values: ref('header') }) },
};
const responses: Shape = { t: 'map', values: ref('response'), keys: STATUS_KEYS, keysDoc: 'a status code such as "200"' };
const errors: Shape = { t: 'array', items: { t: 'integer' }, doc: 'Error status codes, described in api.yaml' };
const gone: Shape = { t: 'object', props: { release: req(str('The release that removed it, e.g. "18.0.0 (Rocky)"')) } };
const parameter: Shape = {
  t: 'object',
  props: { in: req({ t: 'string', enum: ['query', 'path', 'header'] }), name: req(str()), description: req(str()), required: opt(bool()), deprecated: opt(bool()), schema: req(ref('schema')) },
};
const parameterBody: Shape = {
  t: 'object',
  props: { description: req(str()), required: opt(bool()), deprecated: opt(bool()), schema: req(ref('schema')) },
};
const action: Shape = {
  t: 'object',
  props: {
    summary: req(str()), description: opt(str()), deprecated: opt(bool()), gone: opt(ref('gone')),
    request: req(ref('schema'), 'The whole request body, including the action key'),
    responses: req(ref('responses')), errors: opt(ref('errors')),
  },
};
const operation: Shape = {
  t: 'object',
  props: {
    operationId: req({ t: 'string', pattern: /^[a-z][A-Za-z0-9]*$/, patternDoc: 'a camelCase operationId' }),
    summary: req(str()), description: opt(str()), tags: req({ t: 'array', items: str() }),
    deprecated: opt(bool()), gone: opt(ref('gone')),
    parameters: opt({ t: 'array', items: ref('parameter') }),
    request: opt({ t: 'object', props: { required: opt(bool()), schema: req(ref('schema')) } }),
    responses: opt(ref('responses'), 'Optional on action operations, whose responses come from their actions'),
    errors: opt(ref('errors')),
    actions: opt({ t: 'map', values: ref('action') }),
    servers: opt(ref('servers'), 'Where this operation lives, when not under the API-wide servers (e.g. version discovery at the endpoint root)'),
    security: opt({ t: 'array', items: { t: 'map', values: { t: 'array', items: str() } } }, 'Security requirements of this operation; [] means no authentication'),
  },
};
const answers: Shape = { t: 'integer', enum: [404, 410], doc: '404: capped by this microversion; 410: retired outright' };
const schemaSet: Shape = { t: 'object', props: schemaProps, extensions: X_KEYS };
const enumList: Shape = { t: 'array', items: { t: 'any' } };
const unsetList: Shape = { t: 'array', items: { t: 'string', enum: SCHEMA_KEYS } };

const common = { kind: req(str()), where: req(str('The target (spec/README.md, "Addressing")')), note: opt(str('Markdown shown in the changelog')) };
const noWhere = { kind: req(str()), note: opt(str()) };

/** Every change kind and the fields it takes. The vocabulary is closed. */
export const CHANGE_KINDS: Readonly<Record<string, Shape>> = {
  'operation.add': { t: 'object', props: { ...common, operation: req(ref('operation')) } },
  'operation.remove': { t: 'object', props: { ...common, answers: req(answers) } },
  'operation.change': {
    t: 'object',
    props: { ...common, set: req({ t: 'object', props: { summary: opt(str()), description: opt(str()), tags: opt({ t: 'array', items: str() }), deprecated: opt(bool()), gone: opt(ref('gone')) } }) },
  },
  'action.add': { t: 'object', props: { ...common, action: req(ref('action')) } },
  'action.remove': { t: 'object', props: { ...common, answers: req(answers) } },
  'action.change': {
    t: 'object',
    props: { ...common, set: req({ t: 'object', props: { summary: opt(str()), description: opt(str()), deprecated: opt(bool()), gone: opt(ref('gone')) } }) },
  },
  'parameter.add': { t: 'object', props: { ...common, parameter: req(parameterBody) } },
  'parameter.remove': { t: 'object', props: { ...common } },
  'parameter.change': {
    t: 'object',
    props: { ...common, set: opt(schemaSet), unset: opt(unsetList), enumAdded: opt(enumList), enumRemoved: opt(enumList), required: opt(bool()), description: opt(str()), deprecated: opt(bool()) },
  },
  'body.add': { t: 'object', props: { ...common, schema: req(ref('schema')), required: opt(bool()) } },
  'body.remove': { t: 'object', props: { ...common } },
  'body.replace': { t: 'object', props: { ...common, schema: req(ref('schema')) } },
  'property.add': { t: 'object', props: { ...common, schema: req(ref('schema')), required: opt(bool()) } },
  'property.remove': { t: 'object', props: { ...common } },
  'property.rename': { t: 'object', props: { ...common, to: req(str('The new property name')) } },
  'property.change': {
    t: 'object',
    props: { ...common, set: opt(schemaSet), unset: opt(unsetList), enumAdded: opt(enumList), enumRemoved: opt(enumList), required: opt(bool()) },
  },
  'response.add': { t: 'object', props: { ...common, response: opt(ref('response'), 'The response; or use error: true'), error: opt(bool('An error response described in api.yaml')) } },
  'response.remove': { t: 'object', props: { ...common } },
  'response.change': { t: 'object', props: { ...common, set: req({ t: 'object', props: { description: opt(str()) } }) } },
  'status.change': { t: 'object', props: { ...common, to: req({ t: 'integer' }) } },
  'header.add': { t: 'object', props: { ...common, header: req(ref('header')) } },
  'header.remove': { t: 'object', props: { ...common } },
  'servers.change': { t: 'object', props: { ...noWhere, servers: req(ref('servers')) } },
  'schema.add': { t: 'object', props: { ...common, schema: req(ref('schema')) } },
  'schema.remove': { t: 'object', props: { ...common } },
};

export const CHANGE_KIND_NAMES = Object.keys(CHANGE_KINDS);

const servers: Shape = {
  t: 'array',
  items: {
    t: 'object',
    props: {
      url: req(str()), description: opt(str()),
      variables: opt({ t: 'map', values: { t: 'object', props: { default: req(str()), description: opt(str()), enum: opt({ t: 'array', items: str() }) } } }),
    },
  },
};

export const DEFS: Readonly<Record<string, Shape>> = { schema, header, response, responses, errors, gone, parameter, action, operation, servers };

export const DELTA_FILE: Shape = {
  t: 'object',
  props: {
    version: req({ t: 'string', pattern: /^\d+\.\d+$/, patternDoc: 'a quoted microversion such as "2.26"' }),
    summary: req(str('One line')),
    description: req(str('Markdown, in your own words')),
    release: opt({ t: 'union', options: [str(), { t: 'array', items: str() }] }, 'The release(s) whose maximum this version is'),
    changes: req({ t: 'array', items: { t: 'any', elsewhere: true } }),
  },
};

export const API_FILE: Shape = {
  t: 'object',
  props: {
    info: req({
      t: 'object',
      props: {
        title: req(str()), description: opt(str()),
        license: opt({ t: 'object', props: { name: req(str()), identifier: opt(str()), url: opt(str()) } }),
        contact: opt({ t: 'object', props: { name: opt(str()), url: opt(str()), email: opt(str()) } }),
      },
    }),
    errors: req({ t: 'map', keys: STATUS_KEYS, keysDoc: 'a status code', values: { t: 'object', props: { description: req(str()), fault: req(str()) } } }),
    releases: req({ t: 'map', values: { t: 'object', props: { number: opt(str()) } } }),
    tags: req({ t: 'array', items: { t: 'object', props: { name: req(str()), description: opt(str()) } } }),
    securitySchemes: opt({
      t: 'map',
      values: {
        t: 'object',
        props: {
          type: req({ t: 'string', enum: ['apiKey', 'http'] }), description: opt(str()),
          name: opt(str('apiKey: the header, query or cookie name')), in: opt({ t: 'string', enum: ['header', 'query', 'cookie'] }),
          scheme: opt(str('http: e.g. bearer')), bearerFormat: opt(str()),
        },
      },
    }, 'Emitted as components/securitySchemes'),
    security: opt({ t: 'array', items: { t: 'map', values: { t: 'array', items: str() } } }, 'The security requirements of every operation: a list of { scheme: [scopes] }'),
  },
};
