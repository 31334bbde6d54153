import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The `chorus` command as a user runs it: the built JavaScript (`npm run build` first).
const CHORUS_BIN = fileURLToPath(new URL('../../apps/chorus/dist/main.js', import.meta.url));

function chorus(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CHORUS_BIN, ...args], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case spawns the CLI (a cold Node start loading every service): seconds on two busy cores.
describe('chorus CLI', { timeout: 60_000 }, () => {
  it('prints its usage with --help', () => {
    const result = chorus(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['chorus start', 'chorus serve <service>', 'chorus migrate', 'chorus openapi']) {
      expect(result.stdout).toContain(command);
    }
  });

  it('refuses an unknown command or service with the usage (exit 2)', () => {
    expect(chorus(['launch']).code).toBe(2);
    const serve = chorus(['serve', 'billing']);
    expect(serve.code).toBe(2);
    expect(serve.stderr).toContain('strategy, content, community, ads, analytics');
  });

  it('exits naming each missing variable and how to set it (exit 78)', () => {
    const result = chorus(['serve', 'strategy'], { PORT: 'eighty' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PORT: is invalid');
    expect(result.stderr).toContain('DATABASE_URL: is not set. Set DATABASE_URL to the PostgreSQL URL');
    expect(result.stderr).toContain('KAFKA_BROKERS: is not set');
    expect(result.stderr).toContain('CHORUS_IDENTITY_PUBLIC_KEY: is not set');
    expect(result.stderr).not.toContain('    at '); // a message, not a stack trace
  });

  it('migrates every service of the embedded database, idempotently', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chorus-cli-'));
    try {
      const first = chorus(['migrate', 'all'], { CHORUS_DATA_DIR: dataDir });
      expect(first.code, first.stderr).toBe(0);
      const again = chorus(['migrate', 'strategy'], { CHORUS_DATA_DIR: dataDir });
      expect(again.code, again.stderr).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('prints a key pair for distributed mode', () => {
    const result = chorus(['keygen']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^CHORUS_IDENTITY_PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\\n/m);
    expect(result.stdout).toMatch(/^CHORUS_IDENTITY_PUBLIC_KEY="-----BEGIN PUBLIC KEY-----\\n/m);
  });
});
