import { compile } from '../compiler/pipeline.js';
import { flag, parseArgs, report, UsageError } from '../cli/args.js';

export const HELP = `mvc check [--spec DIR]

Loads, checks and folds every delta and prints every diagnostic; writes nothing.`;

export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['spec']);
  if (args.flags.has('help')) { console.log(HELP); return 0; }
  if (args.positional.length) throw new UsageError(`check takes no arguments, got "${args.positional.join(' ')}"`);
  const result = await compile({ specDir: flag(args, 'spec', 'spec'), emit: false });
  const code = report(result);
  if (!code) console.log(`mvc: ${result.deltas.length} version(s) checked and folded, no errors`);
  return code;
}
