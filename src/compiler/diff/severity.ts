// THE severity rules: one table, judged per side of the wire. docs/diff.md carries the same table,
// generated from this one (severityTableMarkdown; test/diff/docs.test.ts keeps them in step).
//
// breaking: a client written against the older version can fail; warning: it may; info: it cannot.
import type { Severity, Side } from './change-record.js';

/** `nested`: as bad as the worst of the changes inside (a replaced body or schema). */
export type Cell = Severity | 'nested';

/** Qualifiers a rule may require of a change; a rule without one applies otherwise. */
export type Condition = 'required' | 'optional' | 'widened' | 'narrowed' | 'annotations' | 'success' | 'error';

export interface SeverityRule {
  readonly kind: string;
  readonly when?: Condition;
  /** Severity when the change is on the request side, the response side, or the operation as a whole. */
  readonly request?: Cell;
  readonly response?: Cell;
  readonly operation?: Cell;
  readonly why: string;
}

export const CONDITIONS: Readonly<Record<Condition, string>> = {
  required: 'it is (was) required',
  optional: 'it is (was) optional',
  widened: 'every old type is still allowed',
  narrowed: 'every new type was allowed before',
  annotations: 'only annotations changed (`example`, `examples`, `title`, `$comment`, `x-*`)',
  success: 'a 2xx/3xx status',
  error: 'a 4xx/5xx status',
};

export const SEVERITY_RULES: readonly SeverityRule[] = [
  // Operations and actions
  { kind: 'operation.added', operation: 'info', why: 'a new operation; old clients do not call it' },
  { kind: 'operation.removed', operation: 'breaking', why: 'calls answer 404 from this version' },
  { kind: 'operation.retired', operation: 'breaking', why: 'calls answer 410 Gone from this version' },
  { kind: 'operation.unretired', operation: 'info', why: 'the operation answers again' },
  { kind: 'operation.deprecated', operation: 'warning', why: 'still works, but will go' },
  { kind: 'operation.undeprecated', operation: 'info', why: 'no longer deprecated' },
  { kind: 'operation.gone', operation: 'warning', why: 'deployments of the named release answer 410 at every microversion' },
  { kind: 'operation.ungone', operation: 'info', why: 'no longer marked removed' },
  { kind: 'operation.changed', operation: 'warning', why: 'the operationId (generated method names change) or the release that removes it changed' },
  { kind: 'action.added', operation: 'info', why: 'a new action; old clients do not send it' },
  { kind: 'action.removed', operation: 'breaking', why: 'the action answers 404 (or 400) from this version' },
  { kind: 'action.retired', operation: 'breaking', why: 'the action answers 410 Gone from this version' },
  { kind: 'action.unretired', operation: 'info', why: 'the action answers again' },
  { kind: 'action.deprecated', operation: 'warning', why: 'still works, but will go' },
  { kind: 'action.undeprecated', operation: 'info', why: 'no longer deprecated' },
  { kind: 'action.gone', operation: 'warning', why: 'deployments of the named release answer 410 at every microversion' },
  { kind: 'action.ungone', operation: 'info', why: 'no longer marked removed' },
  { kind: 'action.changed', operation: 'info', why: 'summary or description (or the release that removes it)' },
  { kind: 'summary.changed', request: 'info', response: 'info', operation: 'info', why: 'documentation only' },
  { kind: 'description.changed', request: 'info', response: 'info', operation: 'info', why: 'documentation only (behaviour changes are described, and judged by the reader)' },
  { kind: 'tags.changed', operation: 'info', why: 'grouping only' },
  { kind: 'servers.changed', operation: 'warning', why: 'the base URL clients build requests on changed' },
  // Parameters (always the request side)
  { kind: 'parameter.added', when: 'required', request: 'breaking', why: 'old clients do not send it' },
  { kind: 'parameter.added', when: 'optional', request: 'info', why: 'old clients need not send it' },
  { kind: 'parameter.removed', request: 'warning', why: 'old clients still send it; it may be ignored or rejected' },
  { kind: 'parameter.made-required', request: 'breaking', why: 'old clients may not send it' },
  { kind: 'parameter.made-optional', request: 'info', why: 'old clients send it anyway' },
  { kind: 'parameter.type-changed', when: 'widened', request: 'info', why: 'old values are still accepted' },
  { kind: 'parameter.type-changed', request: 'breaking', why: 'old values may be rejected' },
  { kind: 'parameter.changed', when: 'annotations', request: 'info', why: 'documentation only' },
  { kind: 'parameter.changed', request: 'warning', why: 'a constraint, format or default changed' },
  { kind: 'parameter.deprecated', request: 'warning', why: 'still accepted, but will go' },
  { kind: 'parameter.undeprecated', request: 'info', why: 'no longer deprecated' },
  // Properties of bodies and shared schemas
  { kind: 'property.added', when: 'required', request: 'breaking', response: 'info', why: 'request: old clients do not send it; response: old clients ignore it' },
  { kind: 'property.added', when: 'optional', request: 'info', response: 'info', why: 'old clients need not send it, and ignore it in responses' },
  { kind: 'property.removed', request: 'warning', response: 'breaking', why: 'request: old clients still send it (it may be rejected); response: old clients may read it' },
  { kind: 'property.renamed', request: 'breaking', response: 'breaking', why: 'the old name is no longer accepted or sent' },
  { kind: 'property.type-changed', when: 'widened', request: 'info', response: 'breaking', why: 'request: old values are still accepted; response: old clients may get values they cannot parse' },
  { kind: 'property.type-changed', when: 'narrowed', request: 'breaking', response: 'warning', why: 'request: old values may be rejected; response: old clients parse the new values' },
  { kind: 'property.type-changed', request: 'breaking', response: 'breaking', why: 'old values are rejected, new values are unexpected' },
  { kind: 'property.made-required', request: 'breaking', response: 'warning', why: 'request: old clients may omit it; response: types generated from the old document still treat it as optional' },
  { kind: 'property.made-optional', request: 'info', response: 'breaking', why: 'request: old clients send it anyway; response: old clients may rely on it' },
  { kind: 'property.changed', when: 'annotations', request: 'info', response: 'info', why: 'documentation only' },
  { kind: 'property.changed', request: 'warning', response: 'warning', why: 'a constraint, format or default changed' },
  { kind: 'property.deprecated', request: 'warning', response: 'warning', why: 'still there, but will go' },
  { kind: 'property.undeprecated', request: 'info', response: 'info', why: 'no longer deprecated' },
  { kind: 'enum.value-added', request: 'info', response: 'warning', why: 'request: old clients do not send it; response: old clients may not handle it' },
  { kind: 'enum.value-removed', request: 'breaking', response: 'info', why: 'request: old clients may send it and be rejected; response: old clients never see it' },
  // Bodies
  { kind: 'body.added', when: 'required', request: 'breaking', response: 'info', why: 'request: old clients send no body; response: old clients ignore it' },
  { kind: 'body.added', request: 'info', response: 'info', why: 'an optional request body, or a response body old clients ignore' },
  { kind: 'body.removed', request: 'warning', response: 'breaking', why: 'request: old clients still send one; response: old clients may read it' },
  { kind: 'body.made-required', request: 'breaking', why: 'old clients may send no body' },
  { kind: 'body.made-optional', request: 'info', why: 'old clients send one anyway' },
  { kind: 'body.replaced', request: 'nested', response: 'nested', why: 'judged by the changes inside it' },
  // Responses and headers
  { kind: 'response.added', response: 'warning', why: 'old clients may not handle the new status' },
  { kind: 'response.removed', when: 'success', response: 'breaking', why: 'old clients expect it' },
  { kind: 'response.removed', when: 'error', response: 'info', why: 'old clients handle an error that no longer happens' },
  { kind: 'response.changed', response: 'warning', why: 'an error response became an own response or back' },
  { kind: 'status.changed', response: 'breaking', why: 'old clients check for the old status' },
  { kind: 'header.added', response: 'info', why: 'old clients ignore it' },
  { kind: 'header.removed', response: 'breaking', why: 'old clients may read it' },
  { kind: 'header.type-changed', response: 'breaking', why: 'old clients may not parse the new values' },
  { kind: 'header.changed', when: 'annotations', response: 'info', why: 'documentation only' },
  { kind: 'header.changed', response: 'warning', why: 'a constraint or format changed' },
  // Shared schemas
  { kind: 'schema.added', request: 'info', response: 'info', why: 'nothing uses it yet, or its users changed (reported there)' },
  { kind: 'schema.removed', request: 'info', response: 'info', why: 'nothing uses it any more' },
  { kind: 'schema.replaced', request: 'nested', response: 'nested', why: 'judged by the changes inside it' },
];

export const SEVERITY_ORDER: readonly Severity[] = ['info', 'warning', 'breaking'];
export const rank = (s: Severity): number => SEVERITY_ORDER.indexOf(s);
export const worst = (a: Severity, b: Severity): Severity => (rank(a) >= rank(b) ? a : b);

/** What a rule looks at. */
export interface Judgeable {
  readonly kind: string;
  readonly pointer: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly required?: boolean;
  readonly keys?: readonly string[];
}

const ANNOTATION_KEYS = new Set(['example', 'examples', 'title', '$comment']);
const isAnnotation = (k: string) => ANNOTATION_KEYS.has(k) || k.startsWith('x-');

/** The set of JSON types a type view allows (`*`: any). */
export function typeSet(view: unknown): Set<string> {
  if (typeof view === 'string') return new Set([view]);
  if (Array.isArray(view)) return new Set(view.map(String));
  if (typeof view === 'object' && view !== null) {
    const v = view as Record<string, unknown>;
    const out = new Set<string>();
    if (typeof v['$ref'] === 'string') out.add(`$ref:${v['$ref']}`);
    for (const t of typeSet(v['type'] ?? (out.size ? [] : '*'))) out.add(t);
    if (v['nullable'] === true) out.add('null');
    return out;
  }
  return new Set(['*']);
}

const subset = (a: Set<string>, b: Set<string>) => b.has('*') || [...a].every((x) => b.has(x));

function holds(c: Condition, x: Judgeable): boolean {
  switch (c) {
    case 'required': return x.required === true;
    case 'optional': return x.required !== true;
    case 'widened': { const b = typeSet(x.before), a = typeSet(x.after); return subset(b, a) && !subset(a, b); }
    case 'narrowed': { const b = typeSet(x.before), a = typeSet(x.after); return subset(a, b) && !subset(b, a); }
    case 'annotations': return (x.keys?.length ?? 0) > 0 && x.keys!.every(isAnnotation);
    case 'success': return /\/responses\/[23]\d\d$/.test(x.pointer);
    case 'error': return /\/responses\/[45]\d\d$/.test(x.pointer);
  }
}

export const ruleId = (r: SeverityRule): string => (r.when ? `${r.kind}/${r.when}` : r.kind);

/** The first rule for the change's kind whose condition holds. */
export function ruleFor(x: Judgeable): SeverityRule | undefined {
  return SEVERITY_RULES.find((r) => r.kind === x.kind && (r.when === undefined || holds(r.when, x)));
}

export interface Judgement {
  readonly severity: Severity;
  readonly rule: string;
}

/**
 * Judges a change on one side. `nested` is the worst severity of the changes inside a replaced
 * body (info when there are none). A side the rule has no column for falls back to the others.
 */
export function judge(x: Judgeable, side: Side, nested: () => Severity = () => 'info'): Judgement {
  const r = ruleFor(x);
  if (!r) return { severity: 'warning', rule: 'default' };
  const cell = r[side] ?? r.operation ?? r.request ?? r.response ?? 'warning';
  return { severity: cell === 'nested' ? nested() : cell, rule: ruleId(r) };
}

const cellText = (c: Cell | undefined): string => (c === undefined ? '—' : c === 'nested' ? 'worst inside' : c === 'info' ? 'info' : `**${c}**`);

/** The rules as a Markdown table (written into docs/diff.md). */
export function severityTableMarkdown(): string {
  const rows = SEVERITY_RULES.map((r) => `| \`${r.kind}\` | ${r.when ? CONDITIONS[r.when] : ''} | ${cellText(r.request)} | ${cellText(r.response)} | ${cellText(r.operation)} | ${r.why} |`);
  return ['| kind | when | request | response | operation | why |', '|---|---|---|---|---|---|', ...rows].join('\n') + '\n';
}

const TABLE_RE = /<!-- severity-rules:start -->[\s\S]*<!-- severity-rules:end -->/;

/** `markdown` with the text between `<!-- severity-rules:start -->` and `<!-- severity-rules:end -->` replaced by the table. */
export function withSeverityTable(markdown: string): string {
  return markdown.replace(TABLE_RE, `<!-- severity-rules:start -->\n${severityTableMarkdown()}<!-- severity-rules:end -->`);
}
