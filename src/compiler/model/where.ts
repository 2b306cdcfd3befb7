// The one addressing syntax ("where") for targets, used by every change kind and diagnostic.
// Grammar: spec/README.md, "Addressing".
import type { ParamIn } from './api-model.js';

export type Segment =
  | { readonly t: 'prop'; readonly name: string }
  | { readonly t: 'items' }
  | { readonly t: 'values' }
  | { readonly t: 'alt'; readonly index: number };

export type Subject =
  | { readonly kind: 'operation'; readonly method: string; readonly path: string; readonly action?: string }
  | { readonly kind: 'all' }
  | { readonly kind: 'schema'; readonly name: string };

export type Place =
  | { readonly kind: 'self' }
  | { readonly kind: 'request'; readonly pointer: readonly Segment[] }
  | { readonly kind: 'response'; readonly status: string; readonly pointer: readonly Segment[] }
  | { readonly kind: 'response-header'; readonly status: string; readonly name: string }
  | { readonly kind: 'parameter'; readonly in: ParamIn; readonly name: string }
  | { readonly kind: 'common-response-header'; readonly name: string }
  | { readonly kind: 'schema-pointer'; readonly pointer: readonly Segment[] };

export interface Where {
  readonly text: string;
  readonly subject: Subject;
  readonly place: Place;
}

export const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;
const STATUS_RE = /^[1-5]\d\d$/;
const NAME_RE = /^[A-Za-z0-9_.:\-]+$/;
const ACTION_RE = /^#[A-Za-z0-9_.:\-]+$/;
const SCHEMA_NAME_RE = /^[A-Za-z][A-Za-z0-9_]*$/;
const PATH_RE = /^\/[A-Za-z0-9_.\-~{}/:]*$/;

/** Parses a `where`; on failure says what was expected at which token. */
export function parseWhere(text: string): Where | { error: string } {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return { error: 'expected "METHOD /path", "*" or "schema Name"' };
  let i = 0;
  const next = () => tokens[i++];
  const peek = () => tokens[i];
  const first = next()!;
  const done = (subject: Subject, place: Place): Where | { error: string } =>
    i < tokens.length ? { error: `unexpected "${tokens.slice(i).join(' ')}" at the end` } : { text: text.trim(), subject, place };

  if (first === '*') {
    const t = next();
    if (t === 'header') {
      const name = next();
      if (!name || !NAME_RE.test(name)) return { error: 'expected a header name after "* header"' };
      return done({ kind: 'all' }, { kind: 'parameter', in: 'header', name });
    }
    if (t === 'response' && next() === 'header') {
      const name = next();
      if (!name || !NAME_RE.test(name)) return { error: 'expected a header name after "* response header"' };
      return done({ kind: 'all' }, { kind: 'common-response-header', name });
    }
    return { error: 'expected "* header Name" or "* response header Name"' };
  }
  if (first === 'schema') {
    const name = next();
    if (!name || !SCHEMA_NAME_RE.test(name)) return { error: 'expected a schema name (letters, digits, _) after "schema"' };
    const ptr = peek();
    if (ptr === undefined) return done({ kind: 'schema', name }, { kind: 'self' });
    i++;
    const pointer = parsePointer(ptr);
    if ('error' in pointer) return pointer;
    return done({ kind: 'schema', name }, { kind: 'schema-pointer', pointer: pointer.segments });
  }
  if (!(METHODS as readonly string[]).includes(first)) {
    return { error: `expected an HTTP method (${METHODS.join(', ')}), "*" or "schema", not "${first}"` };
  }
  const path = next();
  if (!path || !PATH_RE.test(path)) return { error: `expected a path starting with "/" after ${first}` };
  let action: string | undefined;
  if (peek()?.startsWith('#')) {
    const a = next()!;
    if (!ACTION_RE.test(a)) return { error: `expected an action name after "#"` };
    action = a.slice(1);
  }
  const subject: Subject = action ? { kind: 'operation', method: first, path, action } : { kind: 'operation', method: first, path };
  const t = next();
  if (t === undefined) return done(subject, { kind: 'self' });
  if (t === 'request') {
    const ptr = next();
    if (ptr === undefined) return done(subject, { kind: 'request', pointer: [] });
    const pointer = parsePointer(ptr);
    if ('error' in pointer) return pointer;
    return done(subject, { kind: 'request', pointer: pointer.segments });
  }
  if (t === 'response') {
    const status = next();
    if (!status || !STATUS_RE.test(status)) return { error: 'expected a status code (e.g. 200) after "response"' };
    const u = next();
    if (u === undefined) return done(subject, { kind: 'response', status, pointer: [] });
    if (u === 'header') {
      const name = next();
      if (!name || !NAME_RE.test(name)) return { error: 'expected a header name after "header"' };
      return done(subject, { kind: 'response-header', status, name });
    }
    const pointer = parsePointer(u);
    if ('error' in pointer) return pointer;
    return done(subject, { kind: 'response', status, pointer: pointer.segments });
  }
  if (t === 'query' || t === 'path' || t === 'header') {
    const name = next();
    if (!name || !NAME_RE.test(name)) return { error: `expected a parameter name after "${t}"` };
    return done(subject, { kind: 'parameter', in: t, name });
  }
  return { error: `expected "request", "response N", "query", "path" or "header" after the operation, not "${t}"` };
}

function parsePointer(text: string): { segments: Segment[] } | { error: string } {
  if (!text.startsWith('/')) return { error: `expected a pointer starting with "/", not "${text}"` };
  const segments: Segment[] = [];
  for (const raw of text.slice(1).split('/')) {
    if (raw === '') return { error: `empty segment in pointer "${text}"` };
    if (raw === '[]') segments.push({ t: 'items' });
    else if (raw === '{}') segments.push({ t: 'values' });
    else if (/^\[\d+\]$/.test(raw)) segments.push({ t: 'alt', index: Number(raw.slice(1, -1)) });
    else {
      const name = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (name === '__proto__' || name === 'constructor' || name === 'prototype') return { error: `the property name "${name}" is not allowed` };
      segments.push({ t: 'prop', name });
    }
  }
  return { segments };
}

export function pointerText(segments: readonly Segment[]): string {
  if (segments.length === 0) return '(the body)';
  return segments.map((s) => (s.t === 'prop' ? '/' + s.name.replace(/~/g, '~0').replace(/\//g, '~1') : s.t === 'items' ? '/[]' : s.t === 'values' ? '/{}' : `/[${s.index}]`)).join('');
}
