// Argument parsing and reporting shared by the commands.
import type { CompileResult } from '../compiler/pipeline.js';
import { formatDiagnostic } from '../compiler/diagnostics/format.js';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';

/** A mistake in the command line: exit code 2. */
export class UsageError extends Error {}

export interface Args { readonly positional: string[]; readonly flags: Map<string, string | true> }

export function parseArgs(argv: readonly string[], allowed: readonly string[], boolFlags: readonly string[] = []): Args {
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

export const flag = (args: Args, name: string, fallback: string): string => {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : fallback;
};

export function optionalFlag(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function parseRange(text: string | undefined): { from?: string; to?: string } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+\.\d+)?(?:(\.\.)(\d+\.\d+)?)?$/.exec(text);
  if (!m || (!m[1] && !m[3] && !m[2])) throw new UsageError(`--versions takes A..B, A.., ..B or A (e.g. 2.1..2.30), not "${text}"`);
  if (!m[2]) return { from: m[1]!, to: m[1]! };
  return { ...(m[1] ? { from: m[1] } : {}), ...(m[3] ? { to: m[3] } : {}) };
}

/** Prints diagnostics to stderr and a count of errors; returns the exit code they mean. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], out: NodeJS.WritableStream = process.stderr): number {
  for (const d of diagnostics) out.write(formatDiagnostic(d) + '\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) out.write(`${errors} error${errors === 1 ? '' : 's'}\n`);
  return errors ? 1 : 0;
}

export const report = (result: CompileResult, out?: NodeJS.WritableStream): number => reportDiagnostics(result.diagnostics, out);

/** Runs `fn`, turning its RangeError (a version or operation not in the spec) into a usage error. */
export function asUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
}
