import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VaultKeyRing } from '@chorus/gateway';

const FILE = 'vault-master-keys';

/**
 * The token vault's key list: CHORUS_VAULT_MASTER_KEYS when set; otherwise, like the identity key, one made
 * on first start and kept in the data directory (mode 0600), so that a fresh install needs no configuration
 * and a restart still opens every stored credential. In memory (tests), a fresh key per process.
 */
export async function loadOrCreateVaultKeys(dataDir: string | null, configured?: string): Promise<string> {
  if (configured !== undefined) {
    return configured;
  }
  if (dataDir === null) {
    return VaultKeyRing.generateEntry('embedded-1');
  }
  const path = join(dataDir, FILE);
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  const entry = VaultKeyRing.generateEntry('embedded-1');
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, `${entry}\n`, { mode: 0o600, flag: 'wx' });
  return entry;
}
