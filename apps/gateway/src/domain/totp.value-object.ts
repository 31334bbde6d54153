import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** One step either side: a phone clock a little off still signs in. */
const WINDOW = 1;

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** RFC 4226 HOTP: HMAC of the big-endian counter, dynamically truncated to `digits` decimal digits. */
export function hotp(
  secret: Buffer,
  counter: number,
  digits = TOTP_DIGITS,
  algorithm: TotpAlgorithm = 'sha1',
) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, '0');
}

/** RFC 6238 time step for an instant. */
export function totpStep(at: Date, period = TOTP_PERIOD_SECONDS): number {
  return Math.floor(at.getTime() / 1000 / period);
}

/** A member's TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s: what every authenticator app reads). */
export class TotpSecret {
  private constructor(readonly key: Buffer) {}

  static generate(): TotpSecret {
    return new TotpSecret(randomBytes(20));
  }

  static fromBase32(encoded: string): TotpSecret {
    return new TotpSecret(base32Decode(encoded));
  }

  get base32(): string {
    return base32Encode(this.key);
  }

  /** The URI an authenticator app scans from a QR code. */
  otpauthUri(account: string, issuer = 'Chorus'): string {
    const label = encodeURIComponent(`${issuer}:${account}`);
    const query = new URLSearchParams({
      secret: this.base32,
      issuer,
      algorithm: 'SHA1',
      digits: String(TOTP_DIGITS),
      period: String(TOTP_PERIOD_SECONDS),
    });
    return `otpauth://totp/${label}?${query.toString()}`;
  }

  codeAt(at: Date): string {
    return hotp(this.key, totpStep(at));
  }

  /**
   * The time step the code belongs to, within one step of `now`, or null. Steps at or before `lastUsedStep`
   * are refused, so a code seen over someone's shoulder cannot be used a second time.
   */
  verify(code: string, now: Date, lastUsedStep: number | null): number | null {
    if (!/^\d{6}$/.test(code)) {
      return null;
    }
    const current = totpStep(now);
    for (let step = current - WINDOW; step <= current + WINDOW; step++) {
      if (lastUsedStep !== null && step <= lastUsedStep) {
        continue;
      }
      if (timingSafeEqual(Buffer.from(hotp(this.key, step)), Buffer.from(code))) {
        return step;
      }
    }
    return null;
  }
}

function base32Encode(data: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) {
    out += BASE32[(value << (5 - bits)) & 31];
  }
  return out;
}

function base32Decode(encoded: string): Buffer {
  const clean = encoded.replace(/=+$/, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index === -1) {
      throw new Error('a TOTP secret is base32 (A-Z, 2-7)');
    }
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}
