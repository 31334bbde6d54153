import { z } from 'zod';

// Reusable variable definitions; the description is the fix printed when a value is missing or wrong.

export const portVariable = (defaultPort: number) =>
  z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(defaultPort)
    .describe(`the TCP port to listen on, a number from 0 to 65535 (default ${defaultPort})`);

export const hostVariable = (defaultHost: string) =>
  z
    .string()
    .default(defaultHost)
    .describe(`the address to listen on, e.g. 127.0.0.1 or 0.0.0.0 (default ${defaultHost})`);

export const logLevelVariable = z
  .enum(['debug', 'info', 'warn', 'error'])
  .default('info')
  .describe('one of debug, info, warn, error (default info)');

export const pemVariable = (what: string, generate: string) =>
  z
    .string()
    .refine((v) => v.includes('-----BEGIN'), 'expected a PEM block')
    .describe(`the ${what} as PEM (newlines may be written as \\n); ${generate}`);

export const urlVariable = (what: string) =>
  z.url({ protocol: /^https?$/ }).describe(`the base URL of ${what}, e.g. http://strategy:3000`);
