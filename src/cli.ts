// mvc: argv → a command → diagnostics on stderr and an exit code (0 ok, 1 diagnostics, 2 usage).
import { UsageError } from './cli/args.js';
import * as build from './commands/build.js';
import * as check from './commands/check.js';
import * as show from './commands/show.js';
import * as diff from './commands/diff.js';
import * as history from './commands/history.js';

export { UsageError, parseArgs } from './cli/args.js';

export const HELP = `mvc: compiles per-microversion YAML deltas into one OpenAPI document per microversion.

Usage:
  mvc build [--spec DIR] [--out DIR] [--versions A..B] [--templates DIR] [--openapi 3.0] [--watch]
                                                          compile and write out/
  mvc check [--spec DIR]                                  load, check and fold; write nothing
  mvc show <version> [<METHOD> <path>] [--format yaml|json] [--spec DIR]
                                                          print a version's document or one operation
  mvc diff <from> <to> [--format text|markdown|json] [--fail-on breaking|warning] [--spec DIR]
                                                          what changes for a client between two versions
  mvc history "<METHOD> <path>" [<field>] [--format text|markdown|json] [--spec DIR]
                                                          the timeline of one operation or field
  mvc <command> --help                                    help on one command

Exit codes: 0 ok, 1 diagnostics (errors in the spec), 2 usage.`;

interface Command { readonly run: (argv: readonly string[]) => Promise<number>; readonly HELP: string }

const COMMANDS: Record<string, Command> = { build, check, show, diff, history };

export async function main(argv: readonly string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') { console.log(HELP); return cmd ? 0 : 2; }
    const command = COMMANDS[cmd];
    if (!command) throw new UsageError(`unknown command "${cmd}"; expected one of ${Object.keys(COMMANDS).join(', ')}`);
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`mvc: ${err.message}\nRun "mvc --help" for usage.\n`);
      return 2;
    }
    throw err;
  }
}
