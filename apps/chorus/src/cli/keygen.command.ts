import { generateIdentityKeyPair } from '@chorus/access';

/** Prints env lines; the private key goes to the gateway only, the public key to every service. */
export function runKeygen(): void {
  const pair = generateIdentityKeyPair();
  const oneLine = (pem: string) => pem.trim().replaceAll('\n', '\\n');
  process.stdout.write(`CHORUS_IDENTITY_PRIVATE_KEY="${oneLine(pair.privateKeyPem)}"\n`);
  process.stdout.write(`CHORUS_IDENTITY_PUBLIC_KEY="${oneLine(pair.publicKeyPem)}"\n`);
}
