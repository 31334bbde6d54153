import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { databaseConfigFromEnv, redactUrl } from './database-config.js';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    databaseConfigFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('databaseConfigFromEnv', () => {
  it('uses PostgreSQL when DATABASE_URL is set, with the pool size if given', () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://u:p@db:5432/chorus' })).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/chorus',
    });
    expect(
      databaseConfigFromEnv({
        DATABASE_URL: 'postgresql://db/chorus',
        DATABASE_POOL_SIZE: '25',
        CHORUS_DATA_DIR: '/x',
      }),
    ).toEqual({ kind: 'postgres', url: 'postgresql://db/chorus', poolSize: 25 });
  });

  it('uses embedded PGlite in CHORUS_DATA_DIR/postgres otherwise, resolved to an absolute path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-config-'));
    expect(databaseConfigFromEnv({ CHORUS_DATA_DIR: join(dir, 'not-yet', 'created') })).toEqual({
      kind: 'pglite',
      dataDir: join(dir, 'not-yet', 'created', 'postgres'),
    });
    expect(databaseConfigFromEnv({ CHORUS_DATA_DIR: 'memory://' })).toEqual({
      kind: 'pglite',
      dataDir: null,
    });
    expect(databaseConfigFromEnv({ DATABASE_URL: '  ' })).toEqual({
      kind: 'pglite',
      dataDir: resolve('.chorus-data', 'postgres'),
    });
  });

  it.each([
    ['mysql://db/chorus', /must start with postgres:\/\/ or postgresql:\/\//],
    ['not a url', /not a valid URL/],
    ['postgres:///chorus', /has no host/],
  ])('rejects DATABASE_URL=%s, naming the variable and the fix', (url, message) => {
    const error = configError({ DATABASE_URL: url });
    expect(error.variable).toBe('DATABASE_URL');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/DATABASE_URL/);
    expect(error.message).toMatch(/postgres:\/\/user:password@host:5432\/database/);
  });

  it('never repeats the password of a rejected URL', () => {
    expect(configError({ DATABASE_URL: 'postgres://u:secret@/chorus' }).message).not.toContain('secret');
  });

  it.each(['0', '-3', 'ten', '2.5', '100000'])('rejects DATABASE_POOL_SIZE=%s', (size) => {
    const error = configError({ DATABASE_URL: 'postgres://db/chorus', DATABASE_POOL_SIZE: size });
    expect(error.variable).toBe('DATABASE_POOL_SIZE');
    expect(error.message).toMatch(/DATABASE_POOL_SIZE must be a whole number between 1 and 1000/);
  });

  it('rejects a CHORUS_DATA_DIR that cannot be a directory', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'chorus-config-')), 'a-file');
    writeFileSync(file, '');
    for (const dataDir of [file, join(file, 'below')]) {
      const error = configError({ CHORUS_DATA_DIR: dataDir });
      expect(error.variable).toBe('CHORUS_DATA_DIR');
      expect(error.message).toMatch(/is not a directory. Set CHORUS_DATA_DIR to a writable directory/);
    }
  });
});

describe('redactUrl', () => {
  it('hides the password only', () => {
    expect(redactUrl('postgres://chorus:s3cret@db:5432/chorus')).toBe('postgres://chorus:***@db:5432/chorus');
    expect(redactUrl('postgres://db/chorus')).toBe('postgres://db/chorus');
  });
});
