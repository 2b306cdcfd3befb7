// The unit of every diff, changelog entry and history line: one change, attributed to the
// microversion that made it. Computed from the folded models and the deltas (so a rename is a
// rename), never by re-diffing emitted documents.

/** For a client: breaking (an old client can fail), warning (it may), info (it cannot). */
export type Severity = 'breaking' | 'warning' | 'info';

/** Which side of the wire the change is on; severities are judged per side. */
export type Side = 'request' | 'response' | 'operation';

export interface ChangeRecord {
  /** Dotted kind, e.g. `operation.added`, `property.renamed`, `enum.value-added`, `status.changed`. */
  readonly kind: string;
  /** The microversion that made the change (in a downward diff, the one whose change is undone). */
  readonly version: string;
  /** `GET /servers/{server_id}`, or `POST /servers/{server_id}/action #reboot`; absent for API-wide changes. */
  readonly operation?: string;
  /** JSON pointer into the emitted OpenAPI document of the newer version (of the older one for removals). Going down (mvc diff 2.53 2.25), into the document the change leads to (for removals, the one it starts from); docs/diff.md. */
  readonly pointer: string;
  readonly side: Side;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly severity: Severity;
  /** First 12 hex characters of sha256 over kind, operation, pointer, before and after: stable across runs. */
  readonly fingerprint: string;
  /** One line of plain text, e.g. `property tags added to the 200 response of GET /servers/{server_id}`. */
  readonly message: string;
  /** The `note:` of the delta change that caused it, if any (Markdown). */
  readonly note?: string;

  // Optional detail (added by mvc diff; every consumer may ignore it). docs/diff.md describes each.

  /** The target in the delta format's addressing syntax (spec/README.md), e.g. `schema Server /locked`. */
  readonly where?: string;
  /** The pointer in the document the change starts from, when it differs from `pointer` (renames, status changes, moved parameters). */
  readonly beforePointer?: string;
  /** For added or removed properties, parameters and request bodies: whether it is (was) required. */
  readonly required?: boolean;
  /** For `*.changed` of a schema: the schema keywords that changed. */
  readonly keys?: readonly string[];
  /** For changes to a shared schema: the operations that use it (directly or through other schemas). */
  readonly usedBy?: readonly string[];
  /** For changes to a shared schema used on both sides: the severity judged for each side (`severity` is the worse). */
  readonly severityBySide?: { readonly request?: Severity; readonly response?: Severity };
  /** The id of the rule in src/compiler/diff/severity.ts that judged `severity`, e.g. `property.added/required`. */
  readonly rule?: string;
}
