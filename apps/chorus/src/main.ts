#!/usr/bin/env node
import 'reflect-metadata';
import { InvalidConfigError } from '@chorus/service-kit';
import { runKeygen } from './cli/keygen.command.js';
import { runMail } from './cli/mail.command.js';
import { runMigrate } from './cli/migrate.command.js';
import { runOpenApi } from './cli/openapi.command.js';
import { runServe } from './cli/serve.command.js';
import { runStart } from './cli/start.command.js';
import { USAGE } from './cli/usage.js';
import { UsageError } from './cli/usage.errors.js';

async function main(argv: readonly string[]): Promise<number | undefined> {
  const [command, ...args] = argv;
  switch (command) {
    case 'start':
      await runStart(process.env);
      return undefined; // keeps running until a signal
    case 'serve':
      await runServe(args, process.env);
      return undefined;
    case 'migrate':
      return runMigrate(args, process.env);
    case 'openapi':
      return runOpenApi(args);
    case 'mail':
      return runMail(args, process.env);
    case 'keygen':
      runKeygen();
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) {
      process.exit(code);
    }
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    // Configuration problems: the message names each variable and how to fix it; no stack trace.
    if (error instanceof InvalidConfigError || (error as { name?: string }).name?.endsWith('ConfigError')) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(78);
    }
    process.stderr.write(
      `Chorus failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
