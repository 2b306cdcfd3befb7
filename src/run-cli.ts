// Entry for running the CLI from source with tsx: npx tsx src/run-cli.ts <command>.
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
