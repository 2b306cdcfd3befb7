#!/usr/bin/env node
// Runs the compiled CLI (dist/ is built by `npm ci` through the prepare script).
import { main } from '../dist/src/cli.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err); process.exitCode = 70; },
);
