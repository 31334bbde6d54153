import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { generateIdentityKeyPair, parseIdentityPrivateKey, publicKeyOf } from '@chorus/access';

const FILE = 'identity-ed25519.pem';

/**
 * Embedded mode signs identities with a key pair made on first start and kept in the data directory, so that
 * nothing needs configuring and a restart keeps the same key.
 */
export async function loadOrCreateIdentityKey(
  dataDir: string | null,
): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  let pem: string;
  if (dataDir === null) {
    pem = generateIdentityKeyPair().privateKeyPem;
  } else {
    const path = join(dataDir, FILE);
    try {
      pem = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw error;
      }
      pem = generateIdentityKeyPair().privateKeyPem;
      await mkdir(dataDir, { recursive: true });
      await writeFile(path, pem, { mode: 0o600, flag: 'wx' });
    }
  }
  const privateKey = parseIdentityPrivateKey(pem);
  return { privateKey, publicKey: publicKeyOf(privateKey) };
}
