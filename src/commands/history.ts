// mvc history "<METHOD> <path>" [<field>]: the timeline of one operation, or one field of it.
import { compile } from '../compiler/pipeline.js';
import { flag, parseArgs, report, UsageError, asUsage } from '../cli/args.js';
import { historyOf } from '../compiler/diff/history.js';
import { DIFF_FORMATS, type DiffFormat } from '../compiler/diff/format/diff-format.js';
import { formatHistory } from '../compiler/diff/format/history-format.js';
import { COLOUR, PLAIN, useColour } from '../compiler/diff/format/style.js';
import { writeStdout } from '../compiler/diff/format/write.js';

export const HELP = `mvc history "<METHOD> <path>" [<field>] [--format text|markdown|json] [--spec DIR]

The timeline of one operation across all microversions: the version that added it, each version
that changed it (with those changes), and the one that removed it, each with the version's summary.
With a field, the timeline of that field only, e.g.
  mvc history "GET /servers/{server_id}" /server/locked
  mvc history "POST /servers/{server_id}/action #reboot" "request /reboot/type"
  mvc history "GET /servers" "query tags"
A field is a pointer into the request or any response body (array items may be left out:
/servers/locked is /servers/[]/locked); it is followed through $ref into shared schemas, and
across renames. It can also be any location of the where syntax after the operation: "request /x",
"response 200 /x", "response 202 header Location", "query name".

  --format F   text (default), markdown, json
  --spec DIR   the spec folder (default: spec)

Exit codes: 0 ok, 1 errors in the spec, 2 usage.`;

export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['spec', 'format']);
  if (args.flags.has('help')) { console.log(HELP); return 0; }
  let [operation, ...fieldParts] = args.positional;
  if (!operation) throw new UsageError('history takes "<METHOD> <path>" [<field>], e.g. mvc history "GET /servers/{server_id}" /server/locked');
  // Accept the operation unquoted too: mvc history GET /servers/{server_id} /server/locked
  if (/^[A-Za-z]+$/.test(operation) && fieldParts[0]?.startsWith('/')) {
    operation = `${operation.toUpperCase()} ${fieldParts.shift()!}`;
    if (fieldParts[0]?.startsWith('#')) operation += ` ${fieldParts.shift()!}`;
  }
  const field = fieldParts.length ? fieldParts.join(' ') : undefined;
  const format = flag(args, 'format', 'text');
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes ${DIFF_FORMATS.join(', ')}, not "${format}"`);
  const result = await compile({ specDir: flag(args, 'spec', 'spec'), emit: false });
  if (report(result)) return 1;
  const h = asUsage(() => historyOf(result, operation, field));
  writeStdout(formatHistory(h, format as DiffFormat, useColour(process.stdout) ? COLOUR : PLAIN));
  return 0;
}
