import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A password stored as `scrypt$N$r$p$salt$key` (base64url): memory-hard, salted, parameters kept for upgrades. */
export class PasswordHash {
  private constructor(readonly encoded: string) {}

  static async of(password: string): Promise<PasswordHash> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, PARAMS);
    return new PasswordHash(
      ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join(
        '$',
      ),
    );
  }

  static fromEncoded(encoded: string): PasswordHash {
    return new PasswordHash(encoded);
  }

  /** Used when the e-mail is unknown, so that a wrong e-mail costs as much time as a wrong password. */
  static async burnEquivalentTime(password: string): Promise<void> {
    await derive(password, randomBytes(16), PARAMS);
  }

  async matches(password: string): Promise<boolean> {
    const [scheme, n, r, p, salt, key] = this.encoded.split('$');
    if (scheme !== 'scrypt' || salt === undefined || key === undefined) {
      return false;
    }
    const expected = Buffer.from(key, 'base64url');
    const actual = await derive(password, Buffer.from(salt, 'base64url'), {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
