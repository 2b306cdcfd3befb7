// mvc: argv → the pipeline → diagnostics on stderr and an exit code (0 ok, 1 diagnostics, 2 usage).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compile, type CompileResult } from './compiler/pipeline.js';
import { openapiFiles } from './compiler/write/index-file.js';
import { formatDiagnostic } from './compiler/diagnostics/format.js';
import { writeOutput, type OutputFile } from './compiler/write/write-output.js';
import { EMITTERS } from './compiler/emit/emitters.js';
import { hasErrors, type Diagnostic } from './compiler/diagnostics/diagnostic.js';
import { toYaml } from './compiler/util/yaml-writer.js';

class UsageError extends Error {}

const HELP: Record<string, string> = {
  main: `mvc: compiles per-microversion YAML deltas into one OpenAPI document per microversion.

Usage:
  mvc build [--spec DIR] [--out DIR] [--versions A..B]   compile and write out/openapi/
  mvc check [--spec DIR]                                  load, check and fold; write nothing
  mvc show <version> [<METHOD> <path>] [--format yaml|json] [--spec DIR]
                                                          print a version's document or one operation
  mvc <command> --help                                    help on one command

Exit codes: 0 ok, 1 diagnostics (errors in the spec), 2 usage.`,
  build: `mvc build [--spec DIR] [--out DIR] [--versions A..B]

Compiles every microversion and writes, under --out (default: out):
  openapi/<version>.yaml and openapi/<version>.json   one OpenAPI 3.1 document per microversion
  openapi/index.json                                   every version, its release, files and sha256
Every document is validated before anything is written. On any error nothing under --out changes.
An existing --out/openapi folder is replaced only if mvc made it (it holds .mvc-manifest.json).

  --spec DIR        the spec folder (default: spec)
  --out DIR         the output folder (default: out)
  --versions A..B   emit only versions A to B (inclusive); "A" alone is one version, "..B" and "A.." are open
  --templates DIR   handlebars templates that override the built-in ones in templates/`,
  check: `mvc check [--spec DIR]

Loads, checks and folds every delta and prints every diagnostic; writes nothing.`,
  show: `mvc show <version> [<METHOD> <path>] [--format yaml|json] [--spec DIR]

Prints the OpenAPI document of one microversion, or only one operation of it, e.g.
  mvc show 2.26 GET /servers/{server_id}/tags`,
};

interface Args { readonly positional: string[]; readonly flags: Map<string, string | true> }

function parseArgs(argv: readonly string[], allowed: readonly string[], boolFlags: readonly string[] = []): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') { flags.set('help', true); continue; }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (!allowed.includes(name) && !boolFlags.includes(name)) throw new UsageError(`unknown option --${name}`);
      if (boolFlags.includes(name)) { flags.set(name, true); continue; }
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else positional.push(a);
  }
  return { positional, flags };
}

const flag = (args: Args, name: string, fallback: string): string => {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : fallback;
};

function parseRange(text: string | undefined): { from?: string; to?: string } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+\.\d+)?(?:(\.\.)(\d+\.\d+)?)?$/.exec(text);
  if (!m || (!m[1] && !m[3] && !m[2])) throw new UsageError(`--versions takes A..B, A.., ..B or A (e.g. 2.1..2.30), not "${text}"`);
  if (!m[2]) return { from: m[1]!, to: m[1]! };
  return { ...(m[1] ? { from: m[1] } : {}), ...(m[3] ? { to: m[3] } : {}) };
}

function report(result: CompileResult, out: NodeJS.WritableStream = process.stderr): number {
  for (const d of result.diagnostics) out.write(formatDiagnostic(d) + '\n');
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) out.write(`${errors} error${errors === 1 ? '' : 's'}\n`);
  return errors ? 1 : 0;
}

async function build(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['spec', 'out', 'versions', 'templates']);
  if (args.flags.has('help')) { console.log(HELP['build']); return 0; }
  const templatesDir = args.flags.get('templates') as string | undefined;
  if (args.positional.length) throw new UsageError(`build takes no arguments, got "${args.positional.join(' ')}"`);
  const t0 = performance.now();
  const specDir = flag(args, 'spec', 'spec');
  const outDir = flag(args, 'out', 'out');
  const versions = parseRange(args.flags.get('versions') as string | undefined);
  const result = await compile({ specDir, ...(versions ? { versions } : {}) });
  if (report(result)) return 1;
  const tree = new Map<string, OutputFile[]>([['openapi', openapiFiles(result.versions)]]);
  const emitDiags: Diagnostic[] = [];
  for (const e of EMITTERS) {
    const [files, ds] = await e.emit({ result, ...(templatesDir ? { templatesDir } : {}) });
    emitDiags.push(...ds);
    tree.set(e.folder, [...(tree.get(e.folder) ?? []), ...files]);
  }
  if (emitDiags.length) { for (const d of emitDiags) process.stderr.write(formatDiagnostic(d) + '\n'); if (hasErrors(emitDiags)) return 1; }
  const written = writeOutput(outDir, tree);
  if (written.length) { for (const d of written) process.stderr.write(formatDiagnostic(d) + '\n'); return 1; }
  const ms = Math.round(performance.now() - t0);
  console.log(`mvc: ${result.versions.length} version(s) compiled and validated into ${path.join(outDir, 'openapi')} in ${ms} ms`);
  return 0;
}

async function check(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['spec']);
  if (args.flags.has('help')) { console.log(HELP['check']); return 0; }
  if (args.positional.length) throw new UsageError(`check takes no arguments, got "${args.positional.join(' ')}"`);
  const result = await compile({ specDir: flag(args, 'spec', 'spec'), emit: false });
  const code = report(result);
  if (!code) console.log(`mvc: ${result.deltas.length} version(s) checked and folded, no errors`);
  return code;
}

async function show(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['spec', 'format']);
  if (args.flags.has('help')) { console.log(HELP['show']); return 0; }
  const [version, method, opPath, ...rest] = args.positional;
  if (!version || rest.length || (method && !opPath)) throw new UsageError('show takes <version> [<METHOD> <path>]');
  const format = flag(args, 'format', 'yaml');
  if (format !== 'yaml' && format !== 'json') throw new UsageError(`--format takes yaml or json, not "${format}"`);
  const result = await compile({ specDir: flag(args, 'spec', 'spec'), versions: { from: version, to: version }, workers: 1 });
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

const COMMANDS: Record<string, (argv: readonly string[]) => Promise<number>> = { build, check, show };

export async function main(argv: readonly string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') { console.log(HELP['main']); return cmd ? 0 : 2; }
    const run = COMMANDS[cmd];
    if (!run) throw new UsageError(`unknown command "${cmd}"; expected one of ${Object.keys(COMMANDS).join(', ')}`);
    return await run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`mvc: ${err.message}\nRun "mvc --help" for usage.\n`);
      return 2;
    }
    throw err;
  }
}
