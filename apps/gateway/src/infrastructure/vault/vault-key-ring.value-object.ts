import { randomBytes } from 'node:crypto';

/** Raised for a bad key list or a secret the vault cannot open; never carries key material. */
export class VaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultError';
  }
}

export interface MasterKey {
  readonly id: string;
  readonly key: Buffer;
}

const ENTRY = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/_-]+={0,2})$/;

/**
 * The master keys from configuration: `id:base64key,id:base64key,...`, 32-byte keys, the first one active.
 * Rotation: put a new key first and keep the old ones until every secret is re-wrapped, then drop them.
 */
export class VaultKeyRing {
  private constructor(
    readonly active: MasterKey,
    private readonly byId: ReadonlyMap<string, MasterKey>,
  ) {}

  static parse(value: string, variable = 'CHORUS_VAULT_MASTER_KEYS'): VaultKeyRing {
    const entries = value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (entries.length === 0) {
      throw new VaultError(`${variable} is empty: give at least one key as id:base64 (32 bytes)`);
    }
    const keys: MasterKey[] = entries.map((entry, index) => {
      const match = ENTRY.exec(entry);
      if (match === null) {
        throw new VaultError(
          `${variable} entry ${index + 1} is not id:base64 (id of letters, digits, - or _, up to 32 characters)`,
        );
      }
      const key = Buffer.from(
        match[2]!,
        match[2]!.includes('-') || match[2]!.includes('_') ? 'base64url' : 'base64',
      );
      if (key.length !== 32) {
        throw new VaultError(`${variable} key "${match[1]}" is ${key.length} bytes; AES-256 needs 32`);
      }
      return { id: match[1]!, key };
    });
    const byId = new Map<string, MasterKey>();
    for (const key of keys) {
      if (byId.has(key.id)) {
        throw new VaultError(`${variable} names the key "${key.id}" twice`);
      }
      byId.set(key.id, key);
    }
    return new VaultKeyRing(keys[0]!, byId);
  }

  /** A fresh entry for the key list: `id:base64`. */
  static generateEntry(id: string): string {
    return `${id}:${randomBytes(32).toString('base64')}`;
  }

  get(id: string): MasterKey {
    const key = this.byId.get(id);
    if (key === undefined) {
      throw new VaultError(
        `The secret is wrapped by master key "${id}", which is not configured: add it back to the key list`,
      );
    }
    return key;
  }
}
