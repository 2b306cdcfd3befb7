// The parts of a document that validation can prove once and recognise in later documents: each
// entry of a path item (an operation) and each component. Emitted parts are immutable and shared
// by identity between the documents of adjacent versions, so an id per object names one exact
// content; ids travel with the document's JSON text to the validating thread, which has lost
// identity (see validate-output.ts).

/** [section, group, name, id]: `paths./servers.get` is ['paths', '/servers', 'get', 7]. */
export type PartId = readonly [section: 'paths' | 'components', group: string, name: string, id: number];

const ids = new WeakMap<object, number>();
let nextId = 1;

function idOf(node: object): number {
  let id = ids.get(node);
  if (id === undefined) ids.set(node, (id = nextId++));
  return id;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The id of every part of `doc`: the same object gets the same id in every document. */
export function partIdsOf(doc: Readonly<Record<string, unknown>>): PartId[] {
  const out: PartId[] = [];
  for (const section of ['paths', 'components'] as const) {
    const groups = doc[section];
    if (!isMap(groups)) continue;
    for (const [group, entries] of Object.entries(groups)) {
      if (!isMap(entries)) continue;
      for (const [name, node] of Object.entries(entries)) if (typeof node === 'object' && node !== null) out.push([section, group, name, idOf(node)]);
    }
  }
  return out;
}
