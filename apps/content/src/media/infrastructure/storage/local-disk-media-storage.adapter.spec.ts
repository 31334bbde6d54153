import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskMediaStorage } from './local-disk-media-storage.adapter.js';

describe('local disk media storage', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'chorus-storage-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps an asset and its derivatives, and removes them together without temporary leftovers', async () => {
    const storage = new LocalDiskMediaStorage(root);
    await storage.write('t1/w1/a1', Buffer.from('original'));
    await storage.write('t1/w1/a1/d1', Buffer.from('derivative'));
    expect((await storage.read('t1/w1/a1'))?.toString()).toBe('original');
    expect((await storage.read('t1/w1/a1/d1'))?.toString()).toBe('derivative');
    expect((await readdir(root, { recursive: true })).filter((f) => f.endsWith('.part'))).toEqual([]);
    await storage.remove('t1/w1/a1');
    expect(await storage.read('t1/w1/a1')).toBeNull();
    expect(await storage.read('t1/w1/a1/d1')).toBeNull();
    await storage.remove('t1/w1/a1'); // removing nothing is fine
  });

  it('refuses keys that could leave its directory', async () => {
    const storage = new LocalDiskMediaStorage(root);
    await expect(storage.write('t1/../../etc/passwd', Buffer.from('x'))).rejects.toThrow(
      'Not a media storage key',
    );
    await expect(storage.read('t1/w1')).rejects.toThrow('Not a media storage key');
  });
});
