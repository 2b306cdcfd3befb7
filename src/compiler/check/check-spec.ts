// The check phase: shape and semantic checks of api.yaml and every delta, before anything is folded.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, type JsonPath, type SourceFile } from '../source/source-file.js';
import { parseVersion } from '../source/version.js';
import { parseWhere, type Where } from '../model/where.js';
import type { ApiInfo, Change, Delta, LocatedChange } from '../model/delta.js';
import type { LoadedSpec } from '../load/load-spec.js';
import { API_FILE, CHANGE_KINDS, CHANGE_KIND_NAMES, DEFS, DELTA_FILE } from './delta-shape.js';
import { checkShape, isPlainObject, nearest, typeName, type Shape, type ShapeIssue } from './shape.js';
import { whereFormError } from './where-forms.js';
import { has, own } from '../util/own.js';

export interface CheckedSpec {
  readonly api: ApiInfo;
  /** Every delta when the check passed; otherwise the clean prefix before the first bad version. */
  readonly deltas: readonly Delta[];
  readonly complete: boolean;
}

export function checkSpec(spec: LoadedSpec): [CheckedSpec | undefined, Diagnostic[]] {
  const diags: Diagnostic[] = [];
  let api: ApiInfo | undefined;
  if (spec.api && spec.api.value !== undefined) {
    const issues = checkShape(spec.api.value, API_FILE, DEFS);
    diags.push(...issues.map((i) => issueToDiag(i, spec.api!.source, undefined)));
    if (issues.length === 0) api = spec.api.value as ApiInfo;
  }
  const deltas: Delta[] = [];
  for (const file of spec.files) {
    if (file.value === undefined) continue;
    const [delta, ds] = checkDelta(file.source, file.value, file.fileVersion.text, api);
    diags.push(...ds);
    if (delta) deltas.push(delta);
  }
  diags.push(...checkSequence(spec));
  if (!api) return [undefined, diags];
  const bad = new Set(diags.filter((d) => d.severity === 'error').map((d) => d.version ?? ''));
  // A file that did not load (it is in `spec.files` with no value) makes the sequence incomplete too.
  for (const f of spec.files) if (f.value === undefined) bad.add(f.fileVersion.text);
  if (bad.size === 0) return [{ api, deltas, complete: true }, diags];
  // The clean prefix can still be folded, so its fold errors are reported in the same run.
  const prefix: Delta[] = [];
  for (const [i, d] of deltas.entries()) {
    if (bad.has(d.version.text) || bad.has('') || d.version.minor !== i + 1) break;
    prefix.push(d);
  }
  return [{ api, deltas: prefix, complete: false }, diags];
}

function checkDelta(source: SourceFile, value: unknown, fileVersion: string, api: ApiInfo | undefined): [Delta | undefined, Diagnostic[]] {
  const diags: Diagnostic[] = [];
  const v = fileVersion;
  const at = (path: JsonPath, k: 'key' | 'value' = 'value') => locate(source, path, k);
  if (isPlainObject(value) && typeof value['version'] === 'number') {
    diags.push(diag('check/version-not-string', `${v}: version is the YAML number ${value['version']}; expected the quoted string "${v}" (an unquoted 2.10 reads as 2.1)`, { location: at(['version']), version: v }));
    value = { ...value, version: String(value['version']) };
  }
  const headerIssues = checkShape(value, DELTA_FILE, DEFS).filter((i) => !(i.code === 'check/wrong-type' && i.path[0] === 'version' && diags.length));
  diags.push(...headerIssues.map((i) => issueToDiag(i, source, v)));
  if (!isPlainObject(value)) return [undefined, diags];
  const version = typeof value['version'] === 'string' ? value['version'] : undefined;
  if (version !== undefined && version !== fileVersion && parseVersion(version)) {
    diags.push(diag('check/version-file-mismatch', `${v}: the file is named ${fileVersion}.yaml but declares version "${version}"; expected version "${fileVersion}"`, { location: at(['version']), version: v }));
  }
  const releases = value['release'] === undefined ? [] : Array.isArray(value['release']) ? (value['release'] as unknown[]) : [value['release']];
  if (api) {
    releases.forEach((r, i) => {
      if (typeof r === 'string' && !has(api.releases, r)) {
        const s = nearest(r, Object.keys(api.releases));
        diags.push(diag('check/unknown-release', `${v}: release "${r}" is not declared in api.yaml; expected one of its releases${s ? ` (did you mean "${s}"?)` : ''}`, { location: at(Array.isArray(value['release']) ? ['release', i] : ['release']), version: v }));
      }
    });
  }
  const changes: LocatedChange[] = [];
  const rawChanges = Array.isArray(value['changes']) ? (value['changes'] as unknown[]) : [];
  rawChanges.forEach((raw, index) => {
    const [change, ds] = checkChange(source, raw, index, v, api);
    diags.push(...ds);
    if (change) changes.push({ change, index });
  });
  if (diags.length) return [undefined, diags];
  const pv = parseVersion(fileVersion)!;
  return [{
    version: pv, file: source, summary: value['summary'] as string, description: value['description'] as string,
    releases: releases as string[], changes,
  }, diags];
}

function checkChange(source: SourceFile, raw: unknown, index: number, v: string, api: ApiInfo | undefined): [Change | undefined, Diagnostic[]] {
  const base: JsonPath = ['changes', index];
  const at = (path: JsonPath, k: 'key' | 'value' = 'value') => locate(source, [...base, ...path], k);
  if (!isPlainObject(raw)) return [undefined, [diag('check/wrong-type', `${v}: changes[${index}] is ${typeName(raw)}; expected a mapping with kind and where`, { location: at([]), version: v })]];
  const kind = raw['kind'];
  if (typeof kind !== 'string') return [undefined, [diag('check/missing-key', `${v}: changes[${index}] has no kind; expected one of the change kinds (spec/README.md)`, { location: at([]), version: v })]];
  const shape: Shape | undefined = own(CHANGE_KINDS, kind);
  if (!shape) {
    const s = nearest(kind, CHANGE_KIND_NAMES);
    return [undefined, [diag('check/unknown-kind', `${v}: changes[${index}]: unknown change kind "${kind}"; expected ${s ? `"${s}" or ` : ''}one of the kinds in spec/README.md`, { location: at(['kind']), version: v, notes: [`kinds: ${CHANGE_KIND_NAMES.join(', ')}`] })]];
  }
  const diags = checkShape(raw, shape, DEFS, base).map((i) => issueToDiag(i, source, v));
  if (kind === 'response.add' && raw['response'] === undefined && raw['error'] !== true) {
    diags.push(diag('check/missing-key', `${v}: changes[${index}]: response.add needs "response" (a response) or "error: true" (an error from api.yaml)`, { location: at([]), version: v }));
  }
  let where: Where | undefined;
  if (typeof raw['where'] === 'string') {
    const parsed = parseWhere(raw['where']);
    if ('error' in parsed) {
      diags.push(diag('check/bad-where', `${v}: ${kind} where "${raw['where']}": ${parsed.error}`, { location: at(['where']), version: v }));
    } else {
      const formError = whereFormError(kind, parsed);
      if (formError) diags.push(diag('check/bad-where', `${v}: ${kind} where "${parsed.text}": ${formError}`, { location: at(['where']), version: v }));
      else where = parsed;
    }
  }
  if (api) diags.push(...checkReferences(raw, base, source, v, api));
  if (diags.length) return [undefined, diags];
  return [{ ...(raw as object), where: where ?? NO_WHERE } as Change, diags];
}

const NO_WHERE: Where = { text: '', subject: { kind: 'all' }, place: { kind: 'self' } };

/** Tags and error codes must be declared in api.yaml. */
function checkReferences(raw: Record<string, unknown>, base: JsonPath, source: SourceFile, v: string, api: ApiInfo): Diagnostic[] {
  const out: Diagnostic[] = [];
  const tags = new Set(api.tags.map((t) => t.name));
  const walk = (node: unknown, path: JsonPath, key: string | undefined) => {
    if (Array.isArray(node)) {
      if (key === 'tags' && !path.includes('schema') && !path.includes('properties')) {
        node.forEach((t, i) => {
          if (typeof t === 'string' && !tags.has(t)) {
            const s = nearest(t, [...tags]);
            out.push(diag('check/unknown-tag', `${v}: tag "${t}" is not declared in api.yaml; expected one of its tags${s ? ` (did you mean "${s}"?)` : ''}`, { location: locate(source, [...path, i]), version: v }));
          }
        });
      }
      if (key === 'errors') {
        node.forEach((c, i) => {
          if (typeof c === 'number' && !has(api.errors, String(c))) {
            out.push(diag('check/unknown-error', `${v}: error status ${c} is not declared under errors in api.yaml; expected one of ${Object.keys(api.errors).join(', ')}`, { location: locate(source, [...path, i]), version: v }));
          }
        });
      }
      node.forEach((n, i) => walk(n, [...path, i], undefined));
    } else if (isPlainObject(node)) {
      // Schemas are data: a property named "tags" inside one is not a tag list.
      if (key === 'schema' || key === 'properties' || key === 'request') return;
      for (const [k, n] of Object.entries(node)) walk(n, [...path, k], k);
    }
  };
  walk(raw, base, undefined);
  return out;
}

function checkSequence(spec: LoadedSpec): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  let prev: number | undefined;
  for (const f of spec.files) {
    const v = f.fileVersion;
    const key = `${v.major}.${v.minor}`;
    const other = seen.get(key);
    if (other !== undefined) {
      out.push(diag('check/version-duplicate', `${v.text}: ${f.source.path} and ${other} both hold microversion ${key}; expected one file per version`, { location: { file: f.source.path, line: 1, col: 1 }, version: v.text }));
      continue;
    }
    seen.set(key, f.source.path);
    const expected = prev === undefined ? 1 : prev + 1;
    if (v.major !== 2 || v.minor !== expected) {
      const want = `2.${expected}`;
      out.push(diag('check/version-gap', `${v.text}: the version after ${prev === undefined ? '(nothing)' : `2.${prev}`} is ${v.text}; expected ${want}${prev === undefined ? ' (the base)' : ''}`, { location: { file: f.source.path, line: 1, col: 1 }, version: v.text }));
    }
    prev = v.minor;
  }
  return out;
}

function pathText(path: JsonPath): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s || '(the file)';
}

function issueToDiag(i: ShapeIssue, source: SourceFile, v: string | undefined): Diagnostic {
  const pre = v ? `${v}: ` : `${source.path.split('/').pop()}: `;
  const extra = v ? { version: v } : {};
  switch (i.code) {
    case 'check/unknown-key': {
      const allowed = i.allowed.length > 16 ? `${i.allowed.slice(0, 12).join(', ')}, …` : i.allowed.join(', ');
      // A key with no value inside { } is most often the tail of an unquoted text cut at a comma.
      const flow = i.key.includes(' ') || /[.)]$/.test(i.key) ? ['an unquoted comma inside { … } starts a new key: quote the text that holds it'] : [];
      return diag(i.code, `${pre}${pathText(i.path.slice(0, -1))}: unknown key "${i.key}"; expected ${i.suggestion ? `"${i.suggestion}" or ` : ''}one of ${allowed}`, { location: locate(source, i.path, 'key'), ...extra, ...(flow.length ? { notes: flow } : {}) });
    }
    case 'check/missing-key':
      return diag(i.code, `${pre}${pathText(i.path)}: missing key "${i.key}"`, { location: locate(source, i.path), ...extra });
    case 'check/wrong-type':
    case 'check/bad-value':
      return diag(i.code, `${pre}${pathText(i.path)}: expected ${i.expected}, got ${i.got}`, { location: locate(source, i.path, 'at' in i && i.at === 'key' ? 'key' : 'value'), ...extra });
    case 'check/forbidden-key':
      return diag(i.code, `${pre}${pathText(i.path.slice(0, -1))}: the key "${i.key}" is not allowed; expected an ordinary name`, { location: locate(source, i.path, 'key'), ...extra });
  }
}
