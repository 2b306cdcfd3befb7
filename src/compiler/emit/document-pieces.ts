// A document's JSON and YAML text as pieces: the text around its parts (operations, components),
// with a hole holding each part's id. The thread that writes the files keeps the text of every
// part it has been sent, so for each version it is sent only the text around the parts and the
// parts that are new to it: adjacent versions share most parts, and the bytes of a part are
// encoded once, not once per version (validate-job.ts assembles them).
import { toJsonPieces, type Pieces } from '../util/json-writer.js';
import { toYamlPieces } from '../util/yaml-writer.js';
import type { PartId } from './validation-parts.js';

export interface DocumentPieces {
  readonly json: Pieces;
  readonly yaml: Pieces;
  /** The JSON and YAML text of each hole. */
  readonly texts: ReadonlyMap<number, readonly [json: string, yaml: string]>;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Whether a mapping has a key, without listing its keys (this runs for every part of every document). */
function hasKeys(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return true;
  return false;
}

export function documentPieces(doc: Record<string, unknown>, parts: readonly PartId[]): DocumentPieces {
  // Holes are non-empty mappings only: both writers give those a text of their own (YAML writes
  // an empty one inline as "{}").
  const ids = new Map<object, number>();
  for (const [section, group, name, id] of parts) {
    const node = (doc[section] as Record<string, Record<string, unknown>>)[group]![name];
    if (isMap(node) && hasKeys(node)) ids.set(node, id);
  }
  const jsonTexts = new Map<number, string>();
  const yamlTexts = new Map<number, string>();
  const json = toJsonPieces(doc, ids, jsonTexts);
  json.push('\n');
  const yaml = toYamlPieces(doc, ids, yamlTexts);
  const texts = new Map<number, readonly [string, string]>();
  for (const [id, j] of jsonTexts) texts.set(id, [j, yamlTexts.get(id)!]);
  return { json, yaml, texts };
}

/** The text the pieces stand for (the texts of their holes from `texts`). */
export function assemble(pieces: Pieces, text: (id: number) => string): string {
  return pieces.map((p) => (typeof p === 'number' ? text(p) : p)).join('');
}
