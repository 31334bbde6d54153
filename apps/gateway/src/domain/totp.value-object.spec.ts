import { describe, expect, it } from 'vitest';
import { TotpSecret, hotp, totpStep } from './totp.value-object.js';

// RFC 6238 appendix B: the seeds are the ASCII digits repeated to the hash's key length, 8-digit codes.
const SEEDS = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('matches the RFC test vectors at T=%i', (seconds, sha1, sha256, sha512) => {
    const step = totpStep(new Date(seconds * 1000));
    expect(hotp(SEEDS.sha1, step, 8, 'sha1')).toBe(sha1);
    expect(hotp(SEEDS.sha256, step, 8, 'sha256')).toBe(sha256);
    expect(hotp(SEEDS.sha512, step, 8, 'sha512')).toBe(sha512);
  });

  it('round-trips its secret through base32 and the otpauth URI', () => {
    const secret = TotpSecret.fromBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'); // "12345678901234567890"
    expect(secret.key.toString()).toBe('12345678901234567890');
    expect(secret.base32).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(secret.otpauthUri('ada@example.test')).toContain('secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('accepts the current code and one step of clock drift, not two', () => {
    const secret = TotpSecret.generate();
    const now = new Date('2026-11-27T12:00:10Z');
    const step = totpStep(now);
    expect(secret.verify(secret.codeAt(now), now, null)).toBe(step);
    expect(secret.verify(secret.codeAt(new Date(now.getTime() - 30_000)), now, null)).toBe(step - 1);
    expect(secret.verify(secret.codeAt(new Date(now.getTime() - 60_000)), now, null)).toBeNull();
    expect(secret.verify('12345', now, null)).toBeNull();
  });

  it('refuses a code whose step was already used (replay)', () => {
    const secret = TotpSecret.generate();
    const now = new Date('2026-11-27T12:00:10Z');
    const used = secret.verify(secret.codeAt(now), now, null);
    expect(used).not.toBeNull();
    expect(secret.verify(secret.codeAt(now), now, used)).toBeNull();
  });
});
