import { sign, verify, type KeyObject } from 'node:crypto';
import type { Identity, IdentityClaims } from './identity.js';
import { isRole } from './roles.js';

const VERSION = 'v1';
/** Long enough for one proxied request, short enough that a leaked header is useless soon after. */
export const IDENTITY_TTL_SECONDS = 60;
const CLOCK_SKEW_SECONDS = 30;

export type IdentityTokenFailure =
  'malformed' | 'bad-signature' | 'wrong-audience' | 'expired' | 'not-yet-valid';

export class IdentityTokenError extends Error {
  constructor(readonly reason: IdentityTokenFailure) {
    super(`identity token rejected: ${reason}`);
    this.name = 'IdentityTokenError';
  }
}

/** Signs an identity for one service: `v1.<base64url JSON claims>.<base64url Ed25519 signature>`. */
export function signIdentity(
  identity: Identity,
  options: { audience: string; privateKey: KeyObject; now?: Date; ttlSeconds?: number },
): string {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const claims: IdentityClaims = {
    tenantId: identity.tenantId,
    workspaceId: identity.workspaceId,
    userId: identity.userId,
    roles: [...identity.roles],
    audience: options.audience,
    issuedAt,
    expiresAt: issuedAt + (options.ttlSeconds ?? IDENTITY_TTL_SECONDS),
  };
  const body = `${VERSION}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = sign(null, Buffer.from(body), options.privateKey).toString('base64url');
  return `${body}.${signature}`;
}

/** Verifies signature, audience and lifetime; throws IdentityTokenError saying which check failed. */
export function verifyIdentity(
  token: string,
  options: { audience: string; publicKey: KeyObject; now?: Date },
): IdentityClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) {
    throw new IdentityTokenError('malformed');
  }
  const [version, payload, signature] = parts as [string, string, string];
  const signed = verify(
    null,
    Buffer.from(`${version}.${payload}`),
    options.publicKey,
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) {
    throw new IdentityTokenError('bad-signature');
  }
  const claims = parseClaims(payload);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (claims.audience !== options.audience) {
    throw new IdentityTokenError('wrong-audience');
  }
  if (claims.expiresAt <= now) {
    throw new IdentityTokenError('expired');
  }
  if (claims.issuedAt > now + CLOCK_SKEW_SECONDS) {
    throw new IdentityTokenError('not-yet-valid');
  }
  return claims;
}

function parseClaims(payload: string): IdentityClaims {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new IdentityTokenError('malformed');
  }
  const c = raw as Record<string, unknown>;
  const strings = ['tenantId', 'workspaceId', 'userId', 'audience'] as const;
  const valid =
    typeof raw === 'object' &&
    raw !== null &&
    strings.every((k) => typeof c[k] === 'string' && c[k].length > 0) &&
    Array.isArray(c.roles) &&
    c.roles.every(isRole) &&
    Number.isInteger(c.issuedAt) &&
    Number.isInteger(c.expiresAt);
  if (!valid) {
    throw new IdentityTokenError('malformed');
  }
  return raw as IdentityClaims;
}
