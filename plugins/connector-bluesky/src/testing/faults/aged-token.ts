import { createHmac } from 'node:crypto';

/**
 * The same access token, signed again by the PDS's own secret with an expiry an hour ago: the PDS then refuses it
 * with its genuine ExpiredToken answer. Access tokens are stateless JWTs that live two hours, so this is the only
 * way a test can see a real expiry without waiting for one.
 */
export function agedAccessToken(token: string, secret: string, now: Date = new Date()): string {
  const [, payload] = token.split('.');
  if (!payload) {
    throw new Error('not a JWT');
  }
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const seconds = Math.floor(now.getTime() / 1000);
  const aged = { ...claims, iat: seconds - 3 * 3600, exp: seconds - 3600 };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ typ: 'at+jwt', alg: 'HS256' })}.${encode(aged)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
