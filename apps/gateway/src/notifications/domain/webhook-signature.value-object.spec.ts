import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.value-object.js';

const secret = 'whsec_test';
const body = '{"kind":"post-failed","title":"Post failed"}';

describe('webhook signature', () => {
  it('is HMAC-SHA256 over "<timestamp>.<body>", as the documentation tells receivers', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1_700_000_000, body)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies an untouched delivery within the window', () => {
    expect(verifyWebhook(secret, signWebhook(secret, 1000, body), body, 1100)).toBe('valid');
  });

  it('refuses a changed body, another secret, an old timestamp and garbage', () => {
    const header = signWebhook(secret, 1000, body);
    expect(verifyWebhook(secret, header, body.replace('failed', 'passed'), 1000)).toBe('bad-signature');
    expect(verifyWebhook('other', header, body, 1000)).toBe('bad-signature');
    expect(verifyWebhook(secret, header, body, 1000 + 301)).toBe('stale');
    expect(verifyWebhook(secret, 't=abc,v1=zz', body, 1000)).toBe('malformed');
  });
});
