import { randomBytes } from 'node:crypto';
import { generateIdentityKeyPair } from '@chorus/access';
import { VaultKeyRing } from '@chorus/gateway';

/** Prints env lines; the private key goes to the gateway only, the public key to every service. */
export function runKeygen(): void {
  const pair = generateIdentityKeyPair();
  const oneLine = (pem: string) => pem.trim().replaceAll('\n', '\\n');
  process.stdout.write(`CHORUS_IDENTITY_PRIVATE_KEY="${oneLine(pair.privateKeyPem)}"\n`);
  process.stdout.write(`CHORUS_IDENTITY_PUBLIC_KEY="${oneLine(pair.publicKeyPem)}"\n`);
  // The gateway's token vault (docs/adr/0014): a key id from the date, so a later rotation adds a distinct one.
  const keyId = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
  process.stdout.write(`CHORUS_VAULT_MASTER_KEYS="${VaultKeyRing.generateEntry(keyId)}"\n`);
  process.stdout.write(`CHORUS_INTERNAL_TOKEN="${randomBytes(32).toString('base64url')}"\n`);
}
