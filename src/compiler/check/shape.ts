// A small description language for the shape of YAML input. One description serves two jobs:
// checking a parsed file (with diagnostics that point at the node) and generating the JSON Schema
// that editors use (spec/delta.schema.json), so the two cannot drift apart.
import type { JsonPath } from '../source/source-file.js';
import { own } from '../util/own.js';

export type Shape =
  | { readonly t: 'string'; readonly enum?: readonly string[]; readonly pattern?: RegExp; readonly patternDoc?: string; readonly doc?: string }
  | { readonly t: 'integer'; readonly enum?: readonly number[]; readonly doc?: string }
  | { readonly t: 'number'; readonly doc?: string }
  | { readonly t: 'boolean'; readonly doc?: string }
  | { readonly t: 'any'; readonly doc?: string; /** Checked by its own pass: not scanned here. */ readonly elsewhere?: boolean }
  | { readonly t: 'array'; readonly items: Shape; readonly doc?: string }
  | { readonly t: 'map'; readonly values: Shape; readonly keys?: RegExp; readonly keysDoc?: string; readonly doc?: string }
  | {
      readonly t: 'object';
      readonly props: Readonly<Record<string, Prop>>;
      /** Keys matching this pattern are allowed with any value (e.g. `x-` extensions). */
      readonly extensions?: RegExp;
      readonly doc?: string;
    }
  | { readonly t: 'union'; readonly options: readonly Shape[]; readonly doc?: string }
  | { readonly t: 'ref'; readonly name: string };

export interface Prop {
  readonly shape: Shape;
  readonly required?: boolean;
  readonly doc?: string;
}

export type ShapeIssue =
  | { readonly code: 'check/unknown-key'; readonly path: JsonPath; readonly key: string; readonly suggestion?: string; readonly allowed: readonly string[] }
  | { readonly code: 'check/missing-key'; readonly path: JsonPath; readonly key: string }
  | { readonly code: 'check/wrong-type'; readonly path: JsonPath; readonly expected: string; readonly got: string }
  | { readonly code: 'check/bad-value'; readonly path: JsonPath; readonly expected: string; readonly got: string; readonly at?: 'key' }
  | { readonly code: 'check/forbidden-key'; readonly path: JsonPath; readonly key: string };

/** Keys that could reach Object.prototype if ever copied naively. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${String(v)}`;
}

export function describeShape(s: Shape, defs: Readonly<Record<string, Shape>>): string {
  switch (s.t) {
    case 'string': return s.enum ? `one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}` : s.patternDoc ?? 'a string';
    case 'integer': return s.enum ? `one of ${s.enum.join(', ')}` : 'an integer';
    case 'number': return 'a number';
    case 'boolean': return 'true or false';
    case 'any': return 'any value';
    case 'array': return 'a list';
    case 'map': case 'object': return 'a mapping';
    case 'union': return s.options.map((o) => describeShape(o, defs)).join(' or ');
    case 'ref': return describeShape(defs[s.name]!, defs);
  }
}

/** Checks `value` against `shape`, collecting every issue (never stopping at the first). */
export function checkShape(value: unknown, shape: Shape, defs: Readonly<Record<string, Shape>>, path: JsonPath = [], out: ShapeIssue[] = []): ShapeIssue[] {
  switch (shape.t) {
    case 'ref':
      return checkShape(value, defs[shape.name]!, defs, path, out);
    case 'any':
      // Free-form values (default, example, enum, const) are copied into documents too.
      return shape.elsewhere ? out : scanForbidden(value, path, out);
    case 'string':
      if (typeof value !== 'string') out.push({ code: 'check/wrong-type', path, expected: describeShape(shape, defs), got: typeName(value) });
      else if (shape.enum && !shape.enum.includes(value)) out.push({ code: 'check/bad-value', path, expected: describeShape(shape, defs), got: typeName(value) });
      else if (shape.pattern && !shape.pattern.test(value)) out.push({ code: 'check/bad-value', path, expected: shape.patternDoc ?? `a string matching ${shape.pattern}`, got: typeName(value) });
      return out;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) out.push({ code: 'check/wrong-type', path, expected: describeShape(shape, defs), got: typeName(value) });
      else if (shape.enum && !shape.enum.includes(value)) out.push({ code: 'check/bad-value', path, expected: describeShape(shape, defs), got: typeName(value) });
      return out;
    case 'number':
      if (typeof value !== 'number') out.push({ code: 'check/wrong-type', path, expected: 'a number', got: typeName(value) });
      return out;
    case 'boolean':
      if (typeof value !== 'boolean') out.push({ code: 'check/wrong-type', path, expected: 'true or false', got: typeName(value) });
      return out;
    case 'array':
      if (!Array.isArray(value)) { out.push({ code: 'check/wrong-type', path, expected: 'a list', got: typeName(value) }); return out; }
      value.forEach((item, i) => checkShape(item, shape.items, defs, [...path, i], out));
      return out;
    case 'map':
      if (!isPlainObject(value)) { out.push({ code: 'check/wrong-type', path, expected: 'a mapping', got: typeName(value) }); return out; }
      for (const [k, v] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(k)) { out.push({ code: 'check/forbidden-key', path: [...path, k], key: k }); continue; }
        if (shape.keys && !shape.keys.test(k)) out.push({ code: 'check/bad-value', path: [...path, k], expected: `a key that is ${shape.keysDoc ?? String(shape.keys)}`, got: typeName(k), at: 'key' });
        checkShape(v, shape.values, defs, [...path, k], out);
      }
      return out;
    case 'object': {
      if (!isPlainObject(value)) { out.push({ code: 'check/wrong-type', path, expected: 'a mapping', got: typeName(value) }); return out; }
      const allowed = Object.keys(shape.props);
      const suggested = new Set<string>();
      for (const [k, v] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(k)) { out.push({ code: 'check/forbidden-key', path: [...path, k], key: k }); continue; }
        const prop = own(shape.props, k);
        if (prop) checkShape(v, prop.shape, defs, [...path, k], out);
        else if (!(shape.extensions && shape.extensions.test(k))) {
          const suggestion = nearest(k, allowed.filter((a) => !(a in value)));
          if (suggestion) suggested.add(suggestion);
          out.push({ code: 'check/unknown-key', path: [...path, k], key: k, allowed, ...(suggestion ? { suggestion } : {}) });
        }
      }
      for (const [k, prop] of Object.entries(shape.props)) {
        // A misspelt required key is reported once, as the unknown key that suggests it.
        if (prop.required && !(k in value) && !suggested.has(k)) out.push({ code: 'check/missing-key', path, key: k });
      }
      return out;
    }
    case 'union': {
      // The first option whose basic type fits decides, so the issues reported are about it.
      const fit = shape.options.find((o) => basicFit(value, o, defs));
      if (!fit) { out.push({ code: 'check/wrong-type', path, expected: describeShape(shape, defs), got: typeName(value) }); return out; }
      return checkShape(value, fit, defs, path, out);
    }
  }
}

function scanForbidden(value: unknown, path: JsonPath, out: ShapeIssue[]): ShapeIssue[] {
  if (Array.isArray(value)) value.forEach((v, i) => scanForbidden(v, [...path, i], out));
  else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(k)) out.push({ code: 'check/forbidden-key', path: [...path, k], key: k });
      else scanForbidden(v, [...path, k], out);
    }
  }
  return out;
}

function basicFit(v: unknown, s: Shape, defs: Readonly<Record<string, Shape>>): boolean {
  switch (s.t) {
    case 'ref': return basicFit(v, defs[s.name]!, defs);
    case 'any': return true;
    case 'string': return typeof v === 'string';
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'number': return typeof v === 'number';
    case 'boolean': return typeof v === 'boolean';
    case 'array': return Array.isArray(v);
    case 'map': case 'object': return isPlainObject(v);
    case 'union': return s.options.some((o) => basicFit(v, o, defs));
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The closest candidate by edit distance, if it is close enough to be a likely typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The JSON Schema (draft 2020-12) of a shape, for editors. */
export function toJsonSchema(s: Shape): Record<string, unknown> {
  const doc = 'doc' in s && s.doc ? { description: s.doc } : {};
  switch (s.t) {
    case 'ref': return { $ref: `#/$defs/${s.name}` };
    case 'any': return { ...doc };
    case 'string': return { type: 'string', ...(s.enum ? { enum: [...s.enum] } : {}), ...(s.pattern ? { pattern: s.pattern.source } : {}), ...doc };
    case 'integer': return { type: 'integer', ...(s.enum ? { enum: [...s.enum] } : {}), ...doc };
    case 'number': return { type: 'number', ...doc };
    case 'boolean': return { type: 'boolean', ...doc };
    case 'array': return { type: 'array', items: toJsonSchema(s.items), ...doc };
    case 'map': return { type: 'object', additionalProperties: toJsonSchema(s.values), ...(s.keys ? { propertyNames: { pattern: s.keys.source } } : {}), ...doc };
    case 'object': {
      const properties: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.props)) properties[k] = { ...toJsonSchema(p.shape), ...(p.doc ? { description: p.doc } : {}) };
      const required = Object.entries(s.props).filter(([, p]) => p.required).map(([k]) => k);
      return {
        type: 'object', properties, ...(required.length ? { required } : {}),
        ...(s.extensions ? { patternProperties: { [s.extensions.source]: {} } } : {}),
        additionalProperties: false, ...doc,
      };
    }
    case 'union': return { anyOf: s.options.map(toJsonSchema), ...doc };
  }
}
