import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface IdentityKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

export function generateIdentityKeyPair(): IdentityKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

/** Environment variables cannot hold newlines everywhere: accept PEM with literal `\n` escapes too. */
function normalisePem(pem: string): string {
  return pem.includes('\\n') ? pem.replaceAll('\\n', '\n') : pem;
}

export function parseIdentityPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(normalisePem(pem));
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error('the identity private key must be an Ed25519 key');
  }
  return key;
}

export function parseIdentityPublicKey(pem: string): KeyObject {
  const key = createPublicKey(normalisePem(pem));
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error('the identity public key must be an Ed25519 key');
  }
  return key;
}

export function publicKeyOf(privateKey: KeyObject): KeyObject {
  return createPublicKey(privateKey);
}
