// A directed raw change, attributed to a version → the public ChangeRecord: pointer, severity (per
// side), message and fingerprint.
import type { ChangeRecord, Severity, Side } from './change-record.js';
import { fingerprint } from './fingerprint.js';
import { whereText } from './loc.js';
import { messageOf } from './message.js';
import type { RawChange } from './model-diff.js';
import { judge, worst, type Judgeable } from './severity.js';

interface Judged {
  readonly severity: Severity;
  readonly side: Side;
  readonly rule: string;
  readonly bySide?: { readonly request: Severity; readonly response: Severity };
}

export function judgeRaw(c: RawChange): Judged {
  const end = c.newer ?? c.older!;
  const x: Judgeable = {
    kind: c.kind, pointer: end.pointer,
    ...(c.before !== undefined ? { before: c.before } : {}),
    ...(c.after !== undefined ? { after: c.after } : {}),
    ...(c.required !== undefined ? { required: c.required } : {}),
    ...(c.keys ? { keys: c.keys } : {}),
  };
  const nested = (): Severity => (c.inner ?? []).reduce<Severity>((s, i) => worst(s, judgeRaw(i).severity), 'info');
  if (c.sides && c.sides.length > 1) {
    const rq = judge(x, 'request', nested), rs = judge(x, 'response', nested);
    const worse = worst(rq.severity, rs.severity);
    const side: Side = rq.severity === worse ? 'request' : 'response';
    return { severity: worse, side, rule: side === 'request' ? rq.rule : rs.rule, bySide: { request: rq.severity, response: rs.severity } };
  }
  const side = c.sides?.[0] ?? c.side;
  const j = judge(x, side, nested);
  return { severity: j.severity, side, rule: j.rule };
}

export function toRecord(c: RawChange, version: string): ChangeRecord {
  const end = c.newer ?? c.older!;
  const j = judgeRaw(c);
  const beforePointer = c.newer && c.older && c.older.pointer !== c.newer.pointer ? c.older.pointer : undefined;
  const where = whereText(end.loc);
  const base = { kind: c.kind, ...(c.operation !== undefined ? { operation: c.operation } : {}), pointer: end.pointer, before: c.before, after: c.after };
  return {
    kind: c.kind,
    version,
    ...(c.operation !== undefined ? { operation: c.operation } : {}),
    pointer: end.pointer,
    ...(beforePointer !== undefined ? { beforePointer } : {}),
    ...(where ? { where } : {}),
    side: j.side,
    severity: j.severity,
    ...(j.bySide ? { severityBySide: j.bySide } : {}),
    rule: j.rule,
    ...(c.before !== undefined ? { before: c.before } : {}),
    ...(c.after !== undefined ? { after: c.after } : {}),
    ...(c.required !== undefined ? { required: c.required } : {}),
    ...(c.keys ? { keys: c.keys } : {}),
    ...(c.usedBy ? { usedBy: c.usedBy } : {}),
    message: messageOf(c),
    ...(c.note !== undefined ? { note: c.note } : {}),
    fingerprint: fingerprint(base),
  };
}
