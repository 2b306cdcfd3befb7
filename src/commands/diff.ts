// mvc diff <from> <to>: what changes for a client between two microversions.
import { compile } from '../compiler/pipeline.js';
import { flag, optionalFlag, parseArgs, report, UsageError, asUsage } from '../cli/args.js';
import { diffReport, failsOn } from '../compiler/diff/report.js';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from '../compiler/diff/format/diff-format.js';
import { COLOUR, PLAIN, useColour } from '../compiler/diff/format/style.js';
import { writeStdout } from '../compiler/diff/format/write.js';

export const HELP = `mvc diff <from> <to> [--format text|markdown|json] [--fail-on breaking|warning] [--spec DIR]

Lists what changes for a client going from microversion <from> to <to>, computed from the folded
models and the deltas (a rename is a rename). Each change names its kind, operation, JSON pointer
into the emitted document, before and after, the microversion that made it, a fingerprint, and a
severity (breaking, warning, info) judged for the request or the response side.

<to> may be older than <from>: then the list is what a client loses going down (each change
undone: added becomes removed, before and after swap, severities judged again).

  --format F        text (default; coloured on a terminal unless NO_COLOR is set), markdown, json
                    (shaped as schemas/diff.schema.json)
  --fail-on LEVEL   exit 1 if there is a change of LEVEL (breaking, or warning: warning or worse)
  --spec DIR        the spec folder (default: spec)

The severity rules and the JSON shape: docs/diff.md.
Exit codes: 0 ok, 1 a change at the --fail-on level (or errors in the spec), 2 usage.`;

export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['spec', 'format', 'fail-on']);
  if (args.flags.has('help')) { console.log(HELP); return 0; }
  const [from, to, ...rest] = args.positional;
  if (!from || !to || rest.length) throw new UsageError('diff takes <from> <to>, e.g. mvc diff 2.25 2.53');
  const format = flag(args, 'format', 'text');
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes ${DIFF_FORMATS.join(', ')}, not "${format}"`);
  const failOn = optionalFlag(args, 'fail-on');
  if (failOn !== undefined && failOn !== 'breaking' && failOn !== 'warning') throw new UsageError(`--fail-on takes breaking or warning, not "${failOn}"`);
  const result = await compile({ specDir: flag(args, 'spec', 'spec'), emit: false });
  if (report(result)) return 1;
  const r = asUsage(() => diffReport(result, from, to));
  writeStdout(formatDiff(r, format as DiffFormat, useColour(process.stdout) ? COLOUR : PLAIN));
  return failOn !== undefined && failsOn(r, failOn) ? 1 : 0;
}
