// What the docs are rendered from, gathered once from the compiled result: per version its
// authored header and its computed changes, and per operation its summary and tag.
import type { CompileResult } from '../pipeline.js';
import type { ChangeRecord } from '../diff/change-record.js';
import type { ReleaseNumbers } from './releases.js';

export interface DocsVersion {
  readonly version: string;
  readonly summary: string;
  /** Authored Markdown. */
  readonly description: string;
  readonly releases: readonly string[];
  readonly changes: readonly ChangeRecord[];
}

export interface OperationInfo {
  readonly summary: string;
  /** The first tag, or `other`. */
  readonly tag: string;
  /** The first documented version whose model has it. */
  readonly firstSeen: string;
}

export interface DocsInput {
  readonly title: string;
  /** api.yaml's info.description, authored Markdown. */
  readonly description: string;
  readonly releaseNumbers: ReleaseNumbers;
  /** Tag name → description, in api.yaml order. */
  readonly tags: readonly { readonly name: string; readonly description: string }[];
  /** The documented versions, oldest first. */
  readonly versions: readonly DocsVersion[];
  /** Keyed like ChangeRecord.operation (`METHOD path` or `METHOD path #action`), from the newest model that has it. */
  readonly operations: Readonly<Record<string, OperationInfo>>;
}

export type ChangesOf = (result: CompileResult, version: string) => ChangeRecord[];

/** The emitted versions (all of them, or the --versions range), each with its changes. */
export function docsInput(result: CompileResult, changesOf: ChangesOf): DocsInput {
  const emitted = new Set(result.versions.map((v) => v.version));
  const versions: DocsVersion[] = result.deltas
    .filter((d) => emitted.has(d.version.text))
    .map((d) => ({
      version: d.version.text,
      summary: d.summary,
      description: d.description,
      releases: d.releases,
      changes: changesOf(result, d.version.text),
    }));
  const operations: Record<string, OperationInfo> = {};
  const firstSeen = new Map<string, string>();
  result.deltas.forEach((d, i) => {
    const model = result.models[i];
    if (!model || !emitted.has(d.version.text)) return;
    for (const [key, op] of Object.entries(model.operations)) {
      if (!firstSeen.has(key)) firstSeen.set(key, d.version.text);
      for (const name of Object.keys(op.actions ?? {})) if (!firstSeen.has(`${key} #${name}`)) firstSeen.set(`${key} #${name}`, d.version.text);
    }
  });
  // Newest model first, so an operation's summary is its latest; removed ones keep their last.
  for (const model of [...result.models].reverse()) {
    for (const [key, op] of Object.entries(model.operations)) {
      const tag = op.tags[0] ?? 'other';
      const seen = firstSeen.get(key);
      if (!(key in operations) && seen) operations[key] = { summary: op.summary, tag, firstSeen: seen };
      for (const [name, action] of Object.entries(op.actions ?? {})) {
        const akey = `${key} #${name}`;
        const aseen = firstSeen.get(akey);
        if (!(akey in operations) && aseen) operations[akey] = { summary: action.summary, tag, firstSeen: aseen };
      }
    }
  }
  return {
    title: result.api?.info.title ?? 'API',
    description: result.api?.info.description ?? '',
    releaseNumbers: result.api?.releases ?? {},
    tags: (result.api?.tags ?? []).map((t) => ({ name: t.name, description: t.description ?? '' })),
    versions,
    operations,
  };
}
