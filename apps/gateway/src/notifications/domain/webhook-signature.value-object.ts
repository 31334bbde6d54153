import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'x-chorus-signature';
/** How far a receiver should accept a timestamp from its own clock (replay window). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Signs a webhook body as a receiver verifies it (docs/notifications.md): HMAC-SHA256 with the endpoint's secret
 * over `<timestamp>.<exact body bytes>`. The timestamp is inside the signed text, so a captured delivery cannot
 * be replayed later with a fresh one.
 */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

/** The receiver's side, used by our tests and documented for integrators. */
export function verifyWebhook(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
): 'valid' | 'malformed' | 'stale' | 'bad-signature' {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || typeof parts.v1 !== 'string' || !/^[0-9a-f]{64}$/.test(parts.v1)) {
    return 'malformed';
  }
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
    return 'stale';
  }
  const expected = Buffer.from(signWebhook(secret, timestamp, body).split('v1=')[1]!, 'hex');
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex')) ? 'valid' : 'bad-signature';
}
