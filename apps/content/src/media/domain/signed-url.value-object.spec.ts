import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignature, signature } from './signed-url.value-object.js';

describe('signed URLs', () => {
  const key = randomBytes(32);
  const now = new Date('2027-01-01T00:00:00Z');
  const expires = now.getTime() / 1000 + 60;

  it('accepts its own signature until the expiry, and nothing altered', () => {
    const sig = signature(key, 'media:t/w/a', expires);
    expect(checkSignature(key, 'media:t/w/a', expires, sig, now)).toBe('valid');
    expect(checkSignature(key, 'media:t/w/a', expires, sig, new Date(now.getTime() + 61_000))).toBe(
      'expired',
    );
    expect(checkSignature(key, 'media:t/w/b', expires, sig, now)).toBe('forged');
    expect(checkSignature(key, 'media:t/w/a', expires + 1, sig, now)).toBe('forged');
    expect(checkSignature(randomBytes(32), 'media:t/w/a', expires, sig, now)).toBe('forged');
    expect(checkSignature(key, 'media:t/w/a', expires, sig.slice(1), now)).toBe('forged');
  });
});
