import { describe, expect, it } from 'vitest';
import { generateIdentityKeyPair, parseIdentityPrivateKey, parseIdentityPublicKey } from './identity-keys.js';
import { IdentityTokenError, signIdentity, verifyIdentity } from './identity-token.js';

const pair = generateIdentityKeyPair();
const privateKey = parseIdentityPrivateKey(pair.privateKeyPem);
const publicKey = parseIdentityPublicKey(pair.publicKeyPem);
const identity = {
  tenantId: '0190a1b2-0000-7000-8000-000000000001',
  workspaceId: '0190a1b2-0000-7000-8000-000000000002',
  userId: '0190a1b2-0000-7000-8000-000000000003',
  roles: ['strategist' as const],
};

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof IdentityTokenError ? error.reason : 'other';
  }
  return undefined;
}

describe('signed identity', () => {
  it('round-trips an identity for its audience', () => {
    const token = signIdentity(identity, { audience: 'strategy', privateKey });
    expect(verifyIdentity(token, { audience: 'strategy', publicKey })).toMatchObject(identity);
  });

  it('refuses a token for another service', () => {
    const token = signIdentity(identity, { audience: 'ads', privateKey });
    expect(reason(() => verifyIdentity(token, { audience: 'strategy', publicKey }))).toBe('wrong-audience');
  });

  it('refuses an expired token', () => {
    const token = signIdentity(identity, {
      audience: 'strategy',
      privateKey,
      now: new Date(Date.now() - 61_000),
    });
    expect(reason(() => verifyIdentity(token, { audience: 'strategy', publicKey }))).toBe('expired');
  });

  it('refuses a token whose claims were changed (another tenant)', () => {
    const token = signIdentity(identity, { audience: 'strategy', privateKey });
    const [v, payload, sig] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    claims.tenantId = '0190a1b2-0000-7000-8000-0000000000ff';
    const forged = `${v}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
    expect(reason(() => verifyIdentity(forged, { audience: 'strategy', publicKey }))).toBe('bad-signature');
  });

  it('refuses a token signed by another key', () => {
    const other = parseIdentityPrivateKey(generateIdentityKeyPair().privateKeyPem);
    const token = signIdentity(identity, { audience: 'strategy', privateKey: other });
    expect(reason(() => verifyIdentity(token, { audience: 'strategy', publicKey }))).toBe('bad-signature');
  });

  it('refuses garbage', () => {
    expect(reason(() => verifyIdentity('Bearer abc', { audience: 'strategy', publicKey }))).toBe('malformed');
  });

  it('accepts PEM with escaped newlines, as env files hold it', () => {
    const escaped = pair.publicKeyPem.replaceAll('\n', '\\n');
    expect(parseIdentityPublicKey(escaped).asymmetricKeyType).toBe('ed25519');
  });
});
