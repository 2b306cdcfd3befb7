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
  /** JSON pointer into the emitted OpenAPI document of the newer version (of the older one for removals). */
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
}
