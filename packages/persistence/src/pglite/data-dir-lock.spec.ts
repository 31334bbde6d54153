import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'chorus-lock-'));

describe('lockDataDir', () => {
  it('refuses a second open in the same process until the first unlocks', () => {
    const dir = freshDir();
    const unlock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'chorus.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(/already open in this process/);
    unlock();
    expect(existsSync(join(dir, 'chorus.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('refuses a directory held by another live process, naming it', () => {
    const dir = freshDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dir, 'chorus.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(`in use by process ${other.pid}`);
    } finally {
      other.kill();
    }
  });

  it('takes over the lock a crashed process left behind', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'chorus.lock'), '2147483646');
    const unlock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'chorus.lock'), 'utf8')).toBe(String(process.pid));
    unlock();
  });
});
