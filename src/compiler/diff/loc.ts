// A place in the model, independent of any emitted document: a list of tokens that renders to the
// delta format's `where` syntax. Locations are what intent, attribution and history match on.
//
//   ['GET /widgets']                                   the operation
//   ['POST /x/action', '#paint']                       one action
//   ['GET /widgets', 'query limit']                    a parameter
//   ['POST /widgets', 'request', '/widget', '/old']     a property of the request body
//   ['GET /widgets', 'response 200', 'header X-Total'] a response header
//   ['schema Widget', '/color']                        a property of a shared schema
//   ['*', 'header X-Version'] / ['*', 'response header X-Version']   API-wide headers
//   ['servers']                                        the server URLs
import type { Segment, Where } from '../model/where.js';

export type Loc = readonly string[];

/** A pointer token: `/name` (escaped as in `where`), `/[]`, `/{}` or `/[N]`. */
export function segmentToken(s: Segment): string {
  switch (s.t) {
    case 'prop': return '/' + s.name.replace(/~/g, '~0').replace(/\//g, '~1');
    case 'items': return '/[]';
    case 'values': return '/{}';
    case 'alt': return `/[${s.index}]`;
  }
}

export const propToken = (name: string): string => segmentToken({ t: 'prop', name });

/** The property name of a `/name` token, or undefined for `/[]`, `/{}`, `/[N]`. */
export function tokenProp(token: string): string | undefined {
  if (!token.startsWith('/') || token === '/[]' || token === '/{}' || /^\/\[\d+\]$/.test(token)) return undefined;
  return token.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
}

const isPointerToken = (t: string) => t.startsWith('/') && !/^[A-Z]+ \//.test(t);

/** Renders a location in `where` syntax: `GET /widgets response 200 /widgets/[]/name`. */
export function whereText(loc: Loc): string {
  let out = '';
  let prevPointer = false;
  for (const t of loc) {
    if (t === 'servers' && out === '') continue;
    const ptr = isPointerToken(t);
    out += ptr && prevPointer ? t : (out ? ' ' : '') + t;
    prevPointer = ptr;
  }
  return out;
}

export const locKey = (loc: Loc): string => loc.join('\u0000');

export function locEqual(a: Loc, b: Loc): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** a is b or an ancestor of b. */
export function locContains(a: Loc, b: Loc): boolean {
  return a.length <= b.length && a.every((t, i) => t === b[i]);
}

/** The location a delta change's `where` names. */
export function locOfWhere(w: Where, kind: string): Loc {
  if (kind === 'servers.change') return ['servers'];
  const s = w.subject;
  const head: string[] = s.kind === 'operation'
    ? [`${s.method} ${s.path}`, ...(s.action ? [`#${s.action}`] : [])]
    : s.kind === 'schema' ? [`schema ${s.name}`] : ['*'];
  const p = w.place;
  switch (p.kind) {
    case 'self': return head;
    case 'request': return [...head, 'request', ...p.pointer.map(segmentToken)];
    case 'response': return [...head, `response ${p.status}`, ...p.pointer.map(segmentToken)];
    case 'response-header': return [...head, `response ${p.status}`, `header ${p.name}`];
    case 'parameter': return [...head, `${p.in} ${p.name}`];
    case 'common-response-header': return [...head, `response header ${p.name}`];
    case 'schema-pointer': return [...head, ...p.pointer.map(segmentToken)];
  }
}
