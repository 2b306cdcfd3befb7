// What neither swagger-parser nor the OpenAPI 3.1 schema checks for 3.x, and the $refs of each
// part of a document. Part checks are local to the part (an operation, a component), so a
// validator can keep them for a part it meets again; document checks (unique operationIds, path
// templates against path parameters) span parts and run on every document.
import type { ValidationProblem } from './validate-output.js';

export interface PartFacts {
  /** Problems inside the part, pointers relative to it. */
  readonly problems: readonly ValidationProblem[];
  /**
   * Every $ref that swagger-parser's dereference would follow in the part, as [component group,
   * name, where], when every one is a plain `#/components/<group>/<name>` (no escapes, no '/'
   * in a token), whose resolution by json-schema-ref-parser is two lookups; undefined otherwise.
   */
  readonly componentRefs: readonly (readonly [group: string, name: string, at: string])[] | undefined;
  /** The groups of componentRefs, once each. */
  readonly groups: readonly string[];
}

const COMPONENT_REF = /^#\/components\/([A-Za-z0-9._-]+)\/([A-Za-z0-9._-]+)$/;

/** Where a part sits: an entry of a path item, or of one of the component maps. */
export type PartKind = 'path-item-entry' | `component:${string}`;

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
export const pointerOf = (tokens: readonly string[]): string => tokens.map((t) => '/' + esc(t)).join('');
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** As json-schema-ref-parser decides it (Ref.isAllowed$Ref, external resolution off). */
export const isInternalRef = (v: unknown): v is { $ref: string } =>
  typeof v === 'object' && v !== null && typeof (v as { $ref?: unknown }).$ref === 'string' && ((v as { $ref: string }).$ref === '#' || (v as { $ref: string }).$ref.startsWith('#/'));

/** A walk that builds a pointer only when it reports something: it visits every node of every part. */
class Walk {
  readonly path: string[] = [];
  readonly problems: ValidationProblem[] = [];
  report(last: string, message: string): void { this.problems.push({ pointer: pointerOf([...this.path, last]), message }); }

  /**
   * Reports a $ref in the document that is not to a component of `kind` (one outside the
   * document is reported by collectRefs, wherever it is); true if `node` is a reference.
   */
  ref(node: unknown, kind: string): boolean {
    if (!isObj(node) || typeof node['$ref'] !== 'string') return false;
    const v = node['$ref'];
    if (v.startsWith('#') && !v.startsWith(`#/components/${kind}/`)) this.report('$ref', `$ref "${v}" is in a place that takes ${kind}; expected "#/components/${kind}/…"`);
    return true;
  }

  at(key: string | number, node: unknown, fn: (w: Walk, n: unknown) => void): void {
    this.path.push(String(key));
    fn(this, node);
    this.path.pop();
  }
}

// Values of these keys are data, not schemas: a "$ref" key inside them is not a reference.
const DATA_KEYS = new Set(['enum', 'const', 'default', 'examples', 'example']);

function schema(w: Walk, node: unknown): void {
  if (Array.isArray(node)) { for (let i = 0; i < node.length; i++) w.at(i, node[i], schema); return; }
  if (!isObj(node) || w.ref(node, 'schemas')) return;
  for (const k of Object.keys(node)) if (!DATA_KEYS.has(k)) w.at(k, node[k], schema);
}
function content(w: Walk, c: unknown): void {
  if (!isObj(c)) return;
  for (const m of Object.keys(c)) {
    const media = c[m];
    if (isObj(media)) w.at(m, media, (w2) => w2.at('schema', media['schema'], schema));
  }
}
function header(w: Walk, h: unknown): void { if (!w.ref(h, 'headers') && isObj(h)) w.at('schema', h['schema'], schema); }
function response(w: Walk, r: unknown): void {
  if (w.ref(r, 'responses') || !isObj(r)) return;
  const hs = r['headers'];
  if (isObj(hs)) w.at('headers', hs, (w2) => { for (const k of Object.keys(hs)) w2.at(k, hs[k], header); });
  w.at('content', r['content'], content);
}
function parameter(w: Walk, p: unknown): void { if (!w.ref(p, 'parameters') && isObj(p)) w.at('schema', p['schema'], schema); }
function operation(w: Walk, op: unknown): void {
  if (!isObj(op) || !('responses' in op)) return;
  const params = op['parameters'];
  if (Array.isArray(params)) w.at('parameters', params, (w2) => { for (let i = 0; i < params.length; i++) w2.at(i, params[i], parameter); });
  const rb = op['requestBody'];
  if (!w.ref(rb, 'requestBodies') && isObj(rb)) w.at('requestBody', rb, (w2) => w2.at('content', rb['content'], content));
  const rs = op['responses'];
  if (isObj(rs)) w.at('responses', rs, (w2) => { for (const st of Object.keys(rs)) w2.at(st, rs[st], response); });
}

const COMPONENT_WALKS: Readonly<Record<string, (w: Walk, n: unknown) => void>> = { schemas: schema, responses: response, parameters: parameter, headers: header };

/**
 * The $refs as json-schema-ref-parser's dereference meets them (it does not look inside a
 * reference), and every $ref that points outside the document, wherever it is: emitted documents are
 * self-contained, and swagger-parser, resolving external files by default, would fail on one.
 * `isPart(path, node)` stops the walk at nodes walked as parts of their own.
 */
function collectRefs(node: unknown, path: string[], out: Refs, isPart?: (path: readonly string[], node: object) => boolean, inRef = false): void {
  if (typeof node !== 'object' || node === null) return;
  const internal = isInternalRef(node);
  // Beside a $ref, only references outside the document matter (swagger-parser's resolution
  // of external files looks there; its dereference does not).
  if (internal && !inRef) out.refs.push({ at: pointerOf(path), ref: node.$ref });
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref !== '' && !ref.startsWith('#')) {
    out.problems.push({ pointer: pointerOf([...path, '$ref']), message: `$ref "${ref}" points outside the document; expected a "#/..." reference` });
  }
  if (isPart?.(path, node)) return;
  for (const k of Object.keys(node)) {
    if (internal && k === '$ref') continue;
    path.push(k);
    collectRefs((node as Record<string, unknown>)[k], path, out, isPart, inRef || internal);
    path.pop();
  }
}

interface Refs { readonly refs: { at: string; ref: string }[]; readonly problems: ValidationProblem[] }

function facts(problems: ValidationProblem[], refs: { at: string; ref: string }[]): PartFacts {
  let componentRefs: [string, string, string][] | undefined = [];
  for (const r of refs) {
    const m = COMPONENT_REF.exec(r.ref);
    if (!m) { componentRefs = undefined; break; }
    componentRefs.push([m[1]!, m[2]!, r.at]);
  }
  return { problems, componentRefs, groups: [...new Set(componentRefs?.map(([g]) => g))] };
}

export function partFacts(kind: PartKind, node: unknown): PartFacts {
  const w = new Walk();
  const walk = kind === 'path-item-entry' ? operation : COMPONENT_WALKS[kind.slice('component:'.length)];
  walk?.(w, node);
  const out: Refs = { refs: [], problems: w.problems };
  collectRefs(node, [], out);
  return facts(out.problems, out.refs);
}

/**
 * The same for the document outside its parts (pointers from the root): the objects in a mapping
 * two levels into paths and components are parts, not walked here.
 */
export function frameFacts(doc: Readonly<Record<string, unknown>>): PartFacts {
  const out: Refs = { refs: [], problems: [] };
  collectRefs(doc, [], out, (path, node) => path.length === 2 && (path[0] === 'paths' || path[0] === 'components') && !Array.isArray(node));
  return facts(out.problems, out.refs);
}

/** Checks across parts: operationIds unique in the document, path templates matching path parameters. */
export function documentChecks(doc: Readonly<Record<string, unknown>>): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  const ids = new Map<string, string>();
  const paths = doc['paths'];
  if (!isObj(paths)) return out;
  for (const pathName of Object.keys(paths)) {
    const item = paths[pathName];
    if (!isObj(item)) continue;
    const inPath = [...pathName.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const method of Object.keys(item)) {
      const op = item[method];
      if (!isObj(op) || !('responses' in op)) continue;
      const pointer = pointerOf(['paths', pathName, method]);
      const id = op['operationId'];
      if (typeof id === 'string') {
        const other = ids.get(id);
        if (other) out.push({ pointer: `${pointer}/operationId`, message: `operationId "${id}" is also used at ${other}` });
        else ids.set(id, pointer);
      }
      const params = Array.isArray(op['parameters']) ? (op['parameters'] as unknown[]) : [];
      const declared = params.filter((p): p is { in: string; name: string } => isObj(p) && p['in'] === 'path' && typeof p['name'] === 'string').map((p) => p.name);
      for (const n of inPath) if (!declared.includes(n)) out.push({ pointer: `${pointer}/parameters`, message: `path parameter {${n}} is not declared` });
      for (const n of declared) if (!inPath.includes(n)) out.push({ pointer: `${pointer}/parameters`, message: `path parameter "${n}" is not in the path` });
    }
  }
  return out;
}
