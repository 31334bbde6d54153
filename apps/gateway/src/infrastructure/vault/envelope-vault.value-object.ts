import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedSecret, TokenVault, VaultBinding } from '../../application/ports/token-vault.port.js';
import { VaultError, VaultKeyRing } from './vault-key-ring.value-object.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM envelope encryption: each secret gets its own random data key; the data key is wrapped by the
 * active master key. Both layers authenticate additional data naming the agency and the subject (kind and id), so
 * a sealed secret copied to another row, another kind of row or another agency's does not open.
 */
export class EnvelopeTokenVault implements TokenVault {
  constructor(private readonly keys: VaultKeyRing) {}

  get activeKeyId(): string {
    return this.keys.active.id;
  }

  seal(plaintext: string, binding: VaultBinding): SealedSecret {
    const dataKey = randomBytes(32);
    try {
      const master = this.keys.active;
      return {
        version: 1,
        keyId: master.id,
        wrappedKey: encrypt(master.key, dataKey, keyAad(master.id, binding)),
        ciphertext: encrypt(dataKey, Buffer.from(plaintext, 'utf8'), dataAad(binding)),
      };
    } finally {
      dataKey.fill(0);
    }
  }

  open(sealed: SealedSecret, binding: VaultBinding): string {
    const dataKey = this.unwrap(sealed, binding);
    try {
      return decrypt(dataKey, sealed.ciphertext, dataAad(binding)).toString('utf8');
    } finally {
      dataKey.fill(0);
    }
  }

  needsRewrap(sealed: SealedSecret): boolean {
    return sealed.keyId !== this.keys.active.id;
  }

  rewrap(sealed: SealedSecret, binding: VaultBinding): SealedSecret {
    const dataKey = this.unwrap(sealed, binding);
    try {
      const master = this.keys.active;
      // Check the data opens before the old wrapping is thrown away.
      decrypt(dataKey, sealed.ciphertext, dataAad(binding));
      return {
        ...sealed,
        keyId: master.id,
        wrappedKey: encrypt(master.key, dataKey, keyAad(master.id, binding)),
      };
    } finally {
      dataKey.fill(0);
    }
  }

  private unwrap(sealed: SealedSecret, binding: VaultBinding): Buffer {
    if (sealed.version !== 1) {
      throw new VaultError(`Unknown sealed-secret version ${String(sealed.version)}`);
    }
    const master = this.keys.get(sealed.keyId);
    return decrypt(master.key, sealed.wrappedKey, keyAad(master.id, binding));
  }
}

// `<kind>=<id>` after the tenant: for ('channel', id) these are the bytes the vault bound channel credentials
// to before other subjects existed, so those ciphertexts open unchanged (ADR 0013).
function subjectOf(binding: VaultBinding): string {
  if (!/^[a-z][a-z-]*$/.test(binding.subject) || /[|=]/.test(binding.subjectId) || binding.subjectId === '') {
    throw new VaultError(`A vault binding names its subject as a kind and an id without '|' or '='`);
  }
  return `tenant=${binding.tenantId}|${binding.subject}=${binding.subjectId}`;
}

function dataAad(binding: VaultBinding): Buffer {
  return Buffer.from(`chorus-vault:v1:data|${subjectOf(binding)}`);
}

function keyAad(keyId: string, binding: VaultBinding): Buffer {
  return Buffer.from(`chorus-vault:v1:key|key=${keyId}|${subjectOf(binding)}`);
}

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

function decrypt(key: Buffer, encoded: string, aad: Buffer): Buffer {
  const raw = Buffer.from(encoded, 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) {
    throw new VaultError('The sealed secret is truncated');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES))
    .setAAD(aad)
    .setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new VaultError(
      'The sealed secret does not open: it belongs to another agency or subject, or was altered',
    );
  }
}

/** The vault from a key list (`id:base64,...`, the first active); throws VaultError naming `variable`. */
export function createTokenVault(keyList: string, variable = 'CHORUS_VAULT_MASTER_KEYS'): TokenVault {
  return new EnvelopeTokenVault(VaultKeyRing.parse(keyList, variable));
}
