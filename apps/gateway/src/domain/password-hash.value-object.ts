import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane): memory-hard and salted; the PHC string keeps its
 * parameters so that they can be raised later (`needsRehash`).
 */
const ARGON2ID = 2 as Algorithm;
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${PARAMS.memoryCost},t=${PARAMS.timeCost},p=${PARAMS.parallelism}$`;

/** A hash of no password at all, checked against when the e-mail is unknown, so both cost the same time. */
let decoy: Promise<string> | undefined;

/** A password stored as an argon2id PHC string; `scrypt$...` hashes from before argon2id still verify. */
export class PasswordHash {
  private constructor(readonly encoded: string) {}

  static async of(password: string): Promise<PasswordHash> {
    return new PasswordHash(await hash(password.normalize('NFKC'), PARAMS));
  }

  static fromEncoded(encoded: string): PasswordHash {
    return new PasswordHash(encoded);
  }

  /** Used when the e-mail is unknown, so that a wrong e-mail costs as much time as a wrong password. */
  static async burnEquivalentTime(password: string): Promise<void> {
    decoy ??= hash(randomBytes(16).toString('hex'), PARAMS);
    await verify(await decoy, password.normalize('NFKC'));
  }

  /** True for a legacy scheme or weaker parameters: the caller stores a fresh hash after a good sign-in. */
  get needsRehash(): boolean {
    return !this.encoded.startsWith(CURRENT_PREFIX);
  }

  async matches(password: string): Promise<boolean> {
    if (this.encoded.startsWith('$argon2id$')) {
      try {
        return await verify(this.encoded, password.normalize('NFKC'));
      } catch {
        return false; // a corrupt stored hash matches nothing
      }
    }
    if (this.encoded.startsWith('scrypt$')) {
      return matchesLegacyScrypt(this.encoded, password);
    }
    return false;
  }
}

/** `scrypt$N$r$p$salt$key` (base64url), written by the first gateway slice (ADR 0005). */
async function matchesLegacyScrypt(encoded: string, password: string): Promise<boolean> {
  const [, n, r, p, salt, key] = encoded.split('$');
  if (salt === undefined || key === undefined) {
    return false;
  }
  const expected = Buffer.from(key, 'base64url');
  const actual = await new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      Buffer.from(salt, 'base64url'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p) },
      (error, derived) => (error ? reject(error) : resolve(derived)),
    );
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
