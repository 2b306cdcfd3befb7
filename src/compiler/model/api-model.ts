// The cumulative model of the API at one microversion: plain readonly data, no classes, so that a
// fold can share every unchanged subtree with the previous version by reference.

/** A JSON Schema subset, in the shape authored in the deltas (`$ref` is a bare schema name). */
export type Schema = { readonly [key: string]: unknown };

export type ParamIn = 'query' | 'path' | 'header';

export interface Parameter {
  readonly in: ParamIn;
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly deprecated?: boolean;
  readonly schema: Schema;
}

export interface Header {
  readonly description: string;
  readonly schema: Schema;
}

export interface Response {
  readonly description: string;
  readonly schema?: Schema;
  readonly headers: Readonly<Record<string, Header>>;
  /** An error response from api.yaml's `errors`, emitted as a shared response. */
  readonly error?: boolean;
}

export interface RequestBody {
  readonly required: boolean;
  readonly schema: Schema;
}

/** Removed outright from Nova: 410 Gone at every microversion on current deployments. */
export interface Gone {
  readonly release: string;
}

export interface Action {
  readonly name: string;
  readonly summary: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly gone?: Gone;
  /** Set when a microversion retired the action with `answers: 410`. */
  readonly retiredIn?: string;
  /** The whole request body, including the action-name key. */
  readonly request: Schema;
  readonly responses: Readonly<Record<string, Response>>;
}

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly deprecated: boolean;
  readonly gone?: Gone;
  /** Set when a microversion retired the operation with `answers: 410`. */
  readonly retiredIn?: string;
  /** Keyed `in name`, e.g. `query limit`. */
  readonly parameters: Readonly<Record<string, Parameter>>;
  readonly request?: RequestBody;
  readonly responses: Readonly<Record<string, Response>>;
  /** Present on action operations (Nova's POST …/action): action name → action. */
  readonly actions?: Readonly<Record<string, Action>>;
  /** Overrides the API-wide servers (version discovery lives at the endpoint root). */
  readonly servers?: readonly ServerUrl[];
  /** Overrides the API-wide security; [] means no authentication. */
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
}

export interface ServerUrl {
  readonly url: string;
  readonly description?: string;
  readonly variables?: Readonly<Record<string, { readonly default: string; readonly description?: string; readonly enum?: readonly string[] }>>;
}

export interface ApiModel {
  readonly version: string;
  readonly servers: readonly ServerUrl[];
  /** Keyed `METHOD path`, e.g. `GET /servers/{server_id}`. */
  readonly operations: Readonly<Record<string, Operation>>;
  readonly schemas: Readonly<Record<string, Schema>>;
  /** Request headers every operation takes (the microversion headers), keyed by name. */
  readonly commonParameters: Readonly<Record<string, Parameter>>;
  /** Headers every response carries, keyed by name. */
  readonly commonResponseHeaders: Readonly<Record<string, Header>>;
}

export const EMPTY_MODEL: ApiModel = {
  version: '',
  servers: [],
  operations: {},
  schemas: {},
  commonParameters: {},
  commonResponseHeaders: {},
};

export const operationKey = (method: string, path: string): string => `${method} ${path}`;
export const parameterKey = (where: ParamIn, name: string): string => `${where} ${name}`;
