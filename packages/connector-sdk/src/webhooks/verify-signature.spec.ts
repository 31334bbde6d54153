import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyHmacSignature } from './verify-signature.js';

describe('verifyHmacSignature', () => {
  const body = Buffer.from('{"entry":[{"id":"1"}]}');
  const signature = `sha256=${createHmac('sha256', 'app-secret').update(body).digest('hex')}`;
  const check = {
    algorithm: 'sha256' as const,
    key: 'app-secret',
    encoding: 'hex' as const,
    prefix: 'sha256=',
  };

  it('accepts the signature of the exact bytes received', () => {
    expect(verifyHmacSignature({ ...check, payload: body, signature })).toBe(true);
  });

  it('refuses a tampered body, a wrong key, a missing or malformed signature', () => {
    expect(verifyHmacSignature({ ...check, payload: Buffer.from('{"entry":[{"id":"2"}]}'), signature })).toBe(
      false,
    );
    expect(verifyHmacSignature({ ...check, key: 'other', payload: body, signature })).toBe(false);
    expect(verifyHmacSignature({ ...check, payload: body, signature: undefined })).toBe(false);
    expect(verifyHmacSignature({ ...check, payload: body, signature: 'sha256=zz' })).toBe(false);
    expect(verifyHmacSignature({ ...check, payload: body, signature: signature.slice(7) })).toBe(false);
  });
});
