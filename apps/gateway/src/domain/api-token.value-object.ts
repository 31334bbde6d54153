import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'chorus_';
export const API_TOKEN_LIFETIME_DAYS = 30;

/** A bearer token: shown to its owner once, stored only as its SHA-256 (a leaked table holds no usable token). */
export class ApiToken {
  private constructor(
    readonly secret: string,
    readonly hash: string,
  ) {}

  static issue(): ApiToken {
    const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    return new ApiToken(secret, ApiToken.hashOf(secret));
  }

  static hashOf(secret: string): string {
    return createHash('sha256').update(secret).digest('hex');
  }

  static expiryFrom(now: Date): Date {
    return new Date(now.getTime() + API_TOKEN_LIFETIME_DAYS * 24 * 3600 * 1000);
  }
}
