// A checked delta: one microversion's header and its changes, drawn from the closed vocabulary.
import type { Schema, ServerUrl } from './api-model.js';
import type { Where } from './where.js';
import type { SourceFile } from '../source/source-file.js';
import type { Version } from '../source/version.js';

export interface GoneInput { readonly release: string }
export interface HeaderInput { readonly description: string; readonly schema: Schema }
export interface ResponseInput { readonly description: string; readonly schema?: Schema; readonly headers?: Readonly<Record<string, HeaderInput>> }
export interface ParameterInput {
  readonly in: 'query' | 'path' | 'header'; readonly name: string; readonly description: string;
  readonly required?: boolean; readonly deprecated?: boolean; readonly schema: Schema;
}
export interface ActionInput {
  readonly summary: string; readonly description?: string; readonly deprecated?: boolean; readonly gone?: GoneInput;
  readonly request: Schema; readonly responses: Readonly<Record<string, ResponseInput>>; readonly errors?: readonly number[];
}
export interface OperationInput {
  readonly operationId: string; readonly summary: string; readonly description?: string; readonly tags: readonly string[];
  readonly deprecated?: boolean; readonly gone?: GoneInput; readonly parameters?: readonly ParameterInput[];
  readonly request?: { readonly required?: boolean; readonly schema: Schema };
  readonly responses?: Readonly<Record<string, ResponseInput>>; readonly errors?: readonly number[];
  readonly actions?: Readonly<Record<string, ActionInput>>;
  readonly servers?: readonly ServerUrl[];
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
}
export interface SchemaEdit {
  readonly set?: Schema; readonly unset?: readonly string[];
  readonly enumAdded?: readonly unknown[]; readonly enumRemoved?: readonly unknown[];
  readonly required?: boolean;
}

type C<K extends string, F> = { readonly kind: K; readonly where: Where; readonly note?: string } & F;

/** The closed union of change kinds; `spec/README.md` documents each. */
export type Change =
  | C<'operation.add', { readonly operation: OperationInput }>
  | C<'operation.remove', { readonly answers: 404 | 410 }>
  | C<'operation.change', { readonly set: { readonly summary?: string; readonly description?: string; readonly tags?: readonly string[]; readonly deprecated?: boolean; readonly gone?: GoneInput } }>
  | C<'action.add', { readonly action: ActionInput }>
  | C<'action.remove', { readonly answers: 404 | 410 }>
  | C<'action.change', { readonly set: { readonly summary?: string; readonly description?: string; readonly deprecated?: boolean; readonly gone?: GoneInput } }>
  | C<'parameter.add', { readonly parameter: Omit<ParameterInput, 'in' | 'name'> }>
  | C<'parameter.remove', object>
  | C<'parameter.change', SchemaEdit & { readonly description?: string; readonly deprecated?: boolean }>
  | C<'body.add', { readonly schema: Schema; readonly required?: boolean }>
  | C<'body.remove', object>
  | C<'body.replace', { readonly schema: Schema }>
  | C<'property.add', { readonly schema: Schema; readonly required?: boolean }>
  | C<'property.remove', object>
  | C<'property.rename', { readonly to: string }>
  | C<'property.change', SchemaEdit>
  | C<'response.add', { readonly response?: ResponseInput; readonly error?: boolean }>
  | C<'response.remove', object>
  | C<'response.change', { readonly set: { readonly description?: string } }>
  | C<'status.change', { readonly to: number }>
  | C<'header.add', { readonly header: HeaderInput }>
  | C<'header.remove', object>
  | C<'servers.change', { readonly servers: readonly ServerUrl[] }>
  | C<'schema.add', { readonly schema: Schema }>
  | C<'schema.remove', object>;

export type ChangeKind = Change['kind'];

/** A change with where it came from, so the fold can point at it. */
export interface LocatedChange {
  readonly change: Change;
  /** Index in the file's `changes` list. */
  readonly index: number;
}

export interface Delta {
  readonly version: Version;
  readonly file: SourceFile;
  readonly summary: string;
  readonly description: string;
  readonly releases: readonly string[];
  readonly changes: readonly LocatedChange[];
}

/** What api.yaml says: the parts of the document that are not per-version. */
export interface ApiInfo {
  readonly info: { readonly title: string; readonly description?: string; readonly license?: Readonly<Record<string, string>>; readonly contact?: Readonly<Record<string, string>> };
  readonly errors: Readonly<Record<string, { readonly description: string; readonly fault: string }>>;
  readonly releases: Readonly<Record<string, { readonly number?: string }>>;
  readonly tags: readonly { readonly name: string; readonly description?: string }[];
  /** OpenAPI security schemes, by name; `security` lists the requirements of every operation. */
  readonly securitySchemes?: Readonly<Record<string, SecurityScheme>>;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
}

export interface SecurityScheme {
  readonly type: 'apiKey' | 'http'; readonly description?: string;
  readonly name?: string; readonly in?: 'header' | 'query' | 'cookie'; readonly scheme?: string; readonly bearerFormat?: string;
}
