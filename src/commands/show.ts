import { compile } from '../compiler/pipeline.js';
import { toYaml } from '../compiler/util/yaml-writer.js';
import { flag, parseArgs, report, UsageError } from '../cli/args.js';

export const HELP = `mvc show <version> [<METHOD> <path>] [--format yaml|json] [--spec DIR]

Prints the OpenAPI document of one microversion, or only one operation of it, e.g.
  mvc show 2.26 GET /servers/{server_id}/tags`;

export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['spec', 'format']);
  if (args.flags.has('help')) { console.log(HELP); return 0; }
  const [version, method, opPath, ...rest] = args.positional;
  if (!version || rest.length || (method && !opPath)) throw new UsageError('show takes <version> [<METHOD> <path>]');
  const format = flag(args, 'format', 'yaml');
  if (format !== 'yaml' && format !== 'json') throw new UsageError(`--format takes yaml or json, not "${format}"`);
  const result = await compile({ specDir: flag(args, 'spec', 'spec'), versions: { from: version, to: version }, workers: 0 });
  if (report(result)) return 1;
  const doc = result.versions[0]!.document as { paths: Record<string, Record<string, unknown>> };
  let value: unknown = doc;
  if (method) {
    const op = doc.paths[opPath!]?.[method.toLowerCase()];
    if (!op) {
      process.stderr.write(`mvc: ${version} has no operation ${method.toUpperCase()} ${opPath}\n`);
      return 1;
    }
    value = op;
  }
  process.stdout.write(format === 'json' ? JSON.stringify(value, null, 2) + '\n' : toYaml(value));
  return 0;
}
