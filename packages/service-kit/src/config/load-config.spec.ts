import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { portVariable } from './config-fields.js';
import { InvalidConfigError } from './config.errors.js';
import { loadConfig } from './load-config.js';

const schema = z.object({
  PORT: portVariable(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres:\/\//)
    .describe('the PostgreSQL URL, e.g. postgres://db/chorus'),
});

function failure(env: NodeJS.ProcessEnv): InvalidConfigError {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      return error;
    }
  }
  throw new Error('expected an InvalidConfigError');
}

describe('loadConfig', () => {
  it('parses and applies defaults', () => {
    expect(loadConfig(schema, { DATABASE_URL: 'postgres://db/chorus' })).toEqual({
      PORT: 3000,
      DATABASE_URL: 'postgres://db/chorus',
    });
  });

  it('names a missing variable and how to set it', () => {
    const error = failure({});
    expect(error.message).toContain('DATABASE_URL: is not set. Set DATABASE_URL to the PostgreSQL URL');
  });

  it('names an invalid variable without echoing its value (it may be a secret)', () => {
    const error = failure({ PORT: 'eighty', DATABASE_URL: 'mysql://user:hunter2@db' });
    expect(error.problems.map((p) => p.variable)).toEqual(['PORT', 'DATABASE_URL']);
    expect(error.message).toContain('PORT: is invalid');
    expect(error.message).not.toContain('hunter2');
  });

  it('treats an empty variable as unset', () => {
    expect(failure({ DATABASE_URL: '  ' }).message).toContain('DATABASE_URL: is not set');
  });
});
