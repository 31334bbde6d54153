import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PasswordHash } from './password-hash.value-object.js';

describe('PasswordHash', () => {
  it('stores argon2id and matches only the right password', async () => {
    const stored = await PasswordHash.of('correct horse battery');
    expect(stored.encoded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.needsRehash).toBe(false);
    expect(await stored.matches('correct horse battery')).toBe(true);
    expect(await stored.matches('correct horse batterY')).toBe(false);
  });

  it('still verifies a scrypt hash of the first slice, and asks for a rehash', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('old password 123', salt, 64, { N: 16384, r: 8, p: 1 });
    const legacy = PasswordHash.fromEncoded(
      ['scrypt', 16384, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$'),
    );
    expect(await legacy.matches('old password 123')).toBe(true);
    expect(await legacy.matches('old password 124')).toBe(false);
    expect(legacy.needsRehash).toBe(true);
  });

  it('matches nothing for a corrupt stored hash', async () => {
    expect(await PasswordHash.fromEncoded('$argon2id$garbage').matches('x')).toBe(false);
    expect(await PasswordHash.fromEncoded('plain').matches('plain')).toBe(false);
  });
});
