import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const FILE = 'media-url-key';

/**
 * The key that signs public media and calendar-feed URLs (docs/adr/0023): made on first start and kept in
 * the data directory (mode 0600), so links already handed to networks and calendar apps survive a restart.
 * In memory (tests), a fresh key per process.
 */
export async function loadOrCreateMediaUrlKey(dataDir: string | null): Promise<Buffer> {
  if (dataDir === null) {
    return randomBytes(32);
  }
  const path = join(dataDir, FILE);
  try {
    return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64url');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  const key = randomBytes(32);
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, `${key.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
