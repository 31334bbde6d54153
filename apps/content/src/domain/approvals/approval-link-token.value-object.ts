import { createHmac, timingSafeEqual } from 'node:crypto';
import { ApprovalLinkRefusedError } from './approval.errors.js';

/** What an approval link vouches for: one step of one round, on one content version of one post, until expiry. */
export interface ApprovalLinkClaims {
  readonly linkId: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly postId: string;
  readonly version: number;
  readonly step: number;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INVALID =
  'This approval link is not valid: it may be incomplete or altered. Ask the agency for a new link';

/** `a1.<base64url JSON claims>.<base64url HMAC-SHA256 of "a1.<claims>">`, URL-safe as it is. */
export function signApprovalLink(claims: ApprovalLinkClaims, secret: Buffer): string {
  const body = `a1.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/**
 * The claims as written, before the signature is checked: the tenant is needed to find the key that signed
 * them. Throws the 'invalid' refusal for anything that is not a well-formed token.
 */
export function readApprovalLink(token: string): ApprovalLinkClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'a1') {
    throw new ApprovalLinkRefusedError('invalid', INVALID);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    throw new ApprovalLinkRefusedError('invalid', INVALID);
  }
  const c = raw as Record<string, unknown>;
  const ids = ['linkId', 'tenantId', 'workspaceId', 'postId'] as const;
  const ok =
    typeof raw === 'object' &&
    raw !== null &&
    ids.every((k) => typeof c[k] === 'string' && UUID.test(c[k])) &&
    [c.version, c.step, c.expiresAt].every((n) => Number.isInteger(n) && (n as number) > 0);
  if (!ok) {
    throw new ApprovalLinkRefusedError('invalid', INVALID);
  }
  return raw as ApprovalLinkClaims;
}

/** Checks the signature (in constant time) and the expiry; returns the claims it vouches for. */
export function verifyApprovalLink(token: string, secret: Buffer, now: Date): ApprovalLinkClaims {
  const claims = readApprovalLink(token);
  const [version, payload, signature] = token.split('.') as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${version}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApprovalLinkRefusedError('invalid', INVALID);
  }
  if (claims.expiresAt * 1000 <= now.getTime()) {
    throw new ApprovalLinkRefusedError(
      'expired',
      `This approval link expired on ${new Date(claims.expiresAt * 1000).toISOString()}. Ask the agency for a new link`,
    );
  }
  return claims;
}
