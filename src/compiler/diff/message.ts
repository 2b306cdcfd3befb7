// One line of plain text per change, e.g. `required property /widget/old added to the request body of POST /widgets`.
import { tokenProp, type Loc } from './loc.js';
import type { RawChange } from './model-diff.js';

const show = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v);
  const t = JSON.stringify(v);
  return t === undefined ? 'nothing' : t.length > 60 ? `${t.slice(0, 57)}...` : t;
};
/** A type view (model-diff.ts typeView): no type at all allows any. */
const showType = (v: unknown): string => (v === undefined ? 'any type' : show(v));

interface Parts {
  /** `GET /x`, `action paint of POST /x/action`, `schema Widget`, `every operation` */
  readonly holder: string;
  /** `the request body of GET /x`, `the 200 response of GET /x`, … (or the holder) */
  readonly container: string;
  /** The pointer inside the body or schema, if any. */
  readonly pointer: string;
  /** `query parameter limit`, `header X-Total`, … */
  readonly item?: string;
}

function parts(loc: Loc): Parts {
  const [head = '', ...rest] = loc;
  let holder = head === '*' ? 'every operation' : head === 'servers' ? 'the API' : head;
  let i = 0;
  if (rest[0]?.startsWith('#')) { holder = `action ${rest[0].slice(1)} of ${head}`; i = 1; }
  let container = holder;
  let item: string | undefined;
  const ptr: string[] = [];
  for (; i < rest.length; i++) {
    const t = rest[i]!;
    if (t === 'request') container = `the request body of ${holder}`;
    else if (t.startsWith('response header ')) item = `response header ${t.slice(16)}`;
    else if (t.startsWith('response ')) container = `the ${t.slice(9)} response of ${holder}`;
    else if (t.startsWith('header ')) item = head === '*' ? `request header ${t.slice(7)}` : container === holder ? `header parameter ${t.slice(7)}` : `header ${t.slice(7)}`;
    else if (t.startsWith('query ') || t.startsWith('path ')) item = `${t.split(' ')[0]} parameter ${t.slice(t.indexOf(' ') + 1)}`;
    else ptr.push(t);
  }
  return { holder, container, pointer: ptr.join(''), ...(item !== undefined ? { item } : {}) };
}

const of = (p: Parts) => (p.item ? `${p.item} of ${p.container}` : p.container);
const at = (p: Parts) => (p.pointer ? `${p.pointer} of ${of(p)}` : of(p));

/** The message of a change already put in its direction (see invert.ts). */
export function messageOf(c: RawChange): string {
  const end = c.newer ?? c.older!;
  const p = parts(end.loc);
  const family = c.kind.slice(0, c.kind.indexOf('.'));
  const verb = c.kind.slice(c.kind.indexOf('.') + 1);
  const req = c.required ? 'required ' : c.required === false && (family === 'property' || family === 'parameter') ? 'optional ' : '';
  switch (c.kind) {
    case 'servers.changed': return `server URLs changed from ${show(urls(c.before))} to ${show(urls(c.after))}`;
    case 'operation.added': return `operation ${p.holder} added`;
    case 'operation.removed': return `operation ${p.holder} removed (answers 404)`;
    case 'operation.retired': return `operation ${p.holder} retired: answers 410 Gone`;
    case 'operation.unretired': return `operation ${p.holder} answers again (no longer retired)`;
    case 'operation.gone': return `operation ${p.holder} marked removed in ${String(c.after)} (410 Gone there)`;
    case 'operation.ungone': return `operation ${p.holder} no longer marked removed in ${String(c.before)}`;
    case 'action.added': return `${p.holder} added`;
    case 'action.removed': return `${p.holder} removed`;
    case 'action.retired': return `${p.holder} retired: answers 410 Gone`;
    case 'action.unretired': return `${p.holder} answers again (no longer retired)`;
    case 'action.gone': return `${p.holder} marked removed in ${String(c.after)}`;
    case 'action.ungone': return `${p.holder} no longer marked removed in ${String(c.before)}`;
    case 'action.changed': return `${(c.keys ?? []).join(' and ')} of ${p.holder} changed`;
    case 'operation.changed': return `${(c.keys ?? []).join(', ') || 'operation'} of ${p.holder} changed from ${show(c.before)} to ${show(c.after)}`;
    case 'summary.changed': return `summary of ${p.holder} changed to ${show(c.after)}`;
    case 'tags.changed': return `tags of ${p.holder} changed from ${show(c.before)} to ${show(c.after)}`;
    case 'description.changed': return `description of ${at(p)} changed`;
    case 'status.changed': return `${p.holder} answers ${String(c.after)} instead of ${String(c.before)}`;
    case 'response.added': return `${String(end.loc.find((t) => t.startsWith('response '))?.slice(9))} response added to ${p.holder}`;
    case 'response.removed': return `${String(end.loc.find((t) => t.startsWith('response '))?.slice(9))} response removed from ${p.holder}`;
    case 'response.changed': return `${p.container} changed between an error response and its own`;
    case 'body.added': return `${req}body added: ${p.container}`;
    case 'body.removed': return `body removed: ${p.container}`;
    case 'body.replaced': return `body replaced: ${p.container}${c.inner?.length ? ` (${c.inner.length} change${c.inner.length === 1 ? '' : 's'} inside)` : ''}`;
    case 'body.made-required': return `${p.container} made required`;
    case 'body.made-optional': return `${p.container} made optional`;
    case 'schema.added': return `shared ${p.holder} added`;
    case 'schema.removed': return `shared ${p.holder} removed`;
    case 'schema.replaced': return `shared ${p.holder} replaced${c.inner?.length ? ` (${c.inner.length} change${c.inner.length === 1 ? '' : 's'} inside)` : ''}`;
    case 'enum.value-added': return `enum value ${show(c.after)} added to ${at(p)}`;
    case 'enum.value-removed': return `enum value ${show(c.before)} removed from ${at(p)}`;
    default: break;
  }
  if (family === 'header' && (verb === 'added' || verb === 'removed')) return `${p.item ?? 'header'} ${verb} ${verb === 'added' ? 'to' : 'from'} ${p.container}`;
  if (family === 'parameter' && (verb === 'added' || verb === 'removed')) {
    return p.item?.startsWith('request header') ? `${req}${p.item} ${verb}` : `${req}${p.item ?? 'parameter'} ${verb} ${verb === 'added' ? 'to' : 'from'} ${p.container}`;
  }
  if (family === 'property') {
    const subject = p.pointer ? `property ${p.pointer} of ${of(p)}` : of(p);
    switch (verb) {
      case 'added': return `${req}property ${p.pointer} added to ${of(p)}`;
      case 'removed': return `${req}property ${p.pointer} removed from ${of(p)}`;
      case 'renamed': {
        const from = c.older ? parts(c.older.loc).pointer : String(c.before);
        return `property ${from} renamed to ${tokenProp(end.loc[end.loc.length - 1] ?? '') ?? String(c.after)} in ${of(p)}`;
      }
      case 'type-changed': return `type of ${subject} changed from ${showType(c.before)} to ${showType(c.after)}`;
      case 'made-required': return `${subject} made required`;
      case 'made-optional': return `${subject} made optional`;
      case 'changed': return `${(c.keys ?? []).join(', ')} of ${subject} changed`;
      case 'deprecated': return `${subject} deprecated`;
      case 'undeprecated': return `${subject} no longer deprecated`;
      default: break;
    }
  }
  const item = p.item ?? of(p);
  switch (verb) {
    case 'type-changed': return `type of ${item}${p.item ? ` of ${p.container}` : ''} changed from ${showType(c.before)} to ${showType(c.after)}`;
    case 'changed': return `${(c.keys ?? []).join(', ')} of ${item}${p.item ? ` of ${p.container}` : ''} changed`;
    case 'made-required': return `${item}${p.item ? ` of ${p.container}` : ''} made required`;
    case 'made-optional': return `${item}${p.item ? ` of ${p.container}` : ''} made optional`;
    case 'deprecated': return `${item}${p.item ? ` of ${p.container}` : ''} deprecated`;
    case 'undeprecated': return `${item}${p.item ? ` of ${p.container}` : ''} no longer deprecated`;
    default: return `${c.kind} at ${at(p)}`;
  }
}

function urls(v: unknown): unknown {
  return Array.isArray(v) ? v.map((s) => (typeof s === 'object' && s !== null ? (s as { url?: unknown }).url : s)) : v;
}
