import { describe, expect, it } from 'vitest';
import { ApprovalLinkRefusedError } from './approval.errors.js';
import { signApprovalLink, verifyApprovalLink } from './approval-link-token.value-object.js';

const secret = Buffer.alloc(32, 7);
const now = new Date('2030-01-01T09:00:00Z');
const claims = {
  linkId: '0190a1b2-0000-7000-8000-000000000001',
  tenantId: '0190a1b2-0000-7000-8000-000000000002',
  workspaceId: '0190a1b2-0000-7000-8000-000000000003',
  postId: '0190a1b2-0000-7000-8000-000000000004',
  version: 2,
  step: 1,
  expiresAt: now.getTime() / 1000 + 3600,
};
const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ApprovalLinkRefusedError ? error.reason : 'other';
  }
  return undefined;
};

describe('an approval link token', () => {
  it('round-trips its claims', () => {
    expect(verifyApprovalLink(signApprovalLink(claims, secret), secret, now)).toEqual(claims);
  });

  it('refuses other claims under the same signature, another key, and garbage', () => {
    const [v, , sig] = signApprovalLink(claims, secret).split('.');
    const other = Buffer.from(JSON.stringify({ ...claims, step: 2 })).toString('base64url');
    expect(reason(() => verifyApprovalLink(`${v}.${other}.${sig}`, secret, now))).toBe('invalid');
    expect(reason(() => verifyApprovalLink(signApprovalLink(claims, Buffer.alloc(32, 8)), secret, now))).toBe(
      'invalid',
    );
    expect(reason(() => verifyApprovalLink('a1.e30.x', secret, now))).toBe('invalid');
  });

  it('refuses it from its expiry on', () => {
    const token = signApprovalLink(claims, secret);
    expect(reason(() => verifyApprovalLink(token, secret, new Date(claims.expiresAt * 1000)))).toBe(
      'expired',
    );
  });
});
