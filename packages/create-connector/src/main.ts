import { runCli } from './cli.js';

// The bin's entry: the process wrapper around runCli.
process.exitCode = await runCli(
  process.argv.slice(2),
  (line) => process.stdout.write(`${line}\n`),
  (line) => process.stderr.write(`${line}\n`),
);
