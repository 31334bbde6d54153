import { createHmac, timingSafeEqual } from 'node:crypto';

export interface HmacSignatureCheck {
  readonly algorithm: 'sha256' | 'sha1';
  readonly key: string;
  /** The exact bytes received (or the exact message the network signs, such as `t.rawBody`). */
  readonly payload: Uint8Array | string;
  /** The header value, possibly prefixed (`sha256=`). */
  readonly signature: string | undefined;
  readonly encoding: 'hex' | 'base64';
  readonly prefix?: string;
}

/** Checks an HMAC signature in constant time; false for a missing, malformed or wrong signature. */
export function verifyHmacSignature(check: HmacSignatureCheck): boolean {
  if (!check.signature) {
    return false;
  }
  let provided = check.signature.trim();
  if (check.prefix) {
    if (!provided.startsWith(check.prefix)) {
      return false;
    }
    provided = provided.slice(check.prefix.length);
  }
  const expected = createHmac(check.algorithm, check.key).update(check.payload).digest();
  const received = Buffer.from(provided, check.encoding);
  // Lengths are not secret; timingSafeEqual needs equal lengths.
  return received.length === expected.length && timingSafeEqual(received, expected);
}
