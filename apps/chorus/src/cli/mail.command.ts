import { join } from 'node:path';
import { readDroppedMail } from '@chorus/gateway';
import { loadConfig } from '@chorus/service-kit';
import { z } from 'zod';
import { dataDirFrom } from '../config/data-dir.js';
import { UsageError } from './usage.errors.js';

const mailConfigSchema = z.object({
  CHORUS_DATA_DIR: z.string().default('./.chorus-data').describe('the data directory of `chorus start`'),
});

/**
 * `chorus mail [--to <address>] [--limit <n>]`: the embedded install's mail, read on the machine from the data
 * directory. The way in for someone locked out (the only admin who forgot the password): no sign-in needed,
 * only the right to read the data directory, which holds the database anyway (ADR 0018).
 */
export async function runMail(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const options = parseArgs(args);
  const dataDir = dataDirFrom(loadConfig(mailConfigSchema, env).CHORUS_DATA_DIR);
  if (dataDir === null) {
    throw new UsageError('An in-memory install keeps no mail on disk: set CHORUS_DATA_DIR to its directory.');
  }
  const mail = await readDroppedMail(join(dataDir, 'mail'), options);
  if (mail.length === 0) {
    process.stdout.write(
      `No mail${options.to === undefined ? '' : ` to ${options.to}`} in ${dataDir}/mail.\n`,
    );
    return 0;
  }
  for (const m of mail) {
    process.stdout.write(`Date: ${m.date}\nTo: ${m.to}\nSubject: ${m.subject}\n\n${m.text}\n\n-----\n`);
  }
  return 0;
}

function parseArgs(args: readonly string[]): { to?: string; limit: number } {
  const options: { to?: string; limit: number } = { limit: 10 };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined) {
      throw new UsageError(`${flag} needs a value.`);
    }
    if (flag === '--to') {
      options.to = value;
    } else if (flag === '--limit' && /^[1-9]\d{0,3}$/.test(value)) {
      options.limit = Number(value);
    } else {
      throw new UsageError(
        flag === '--limit' ? '--limit takes a number from 1 to 9999.' : `Unknown option "${flag}".`,
      );
    }
  }
  return options;
}
