import { createHash, randomBytes } from 'node:crypto';

const DAY_MS = 24 * 3600 * 1000;
export const API_TOKEN_LIFETIME_DAYS = 30;
/** A browser session lasts a working day; the console signs in again after it. */
export const SESSION_LIFETIME_HOURS = 12;

/** What a secret token is for; the prefix lets a leaked one be recognised (secret scanners, logs). */
const PREFIXES = { api: 'chorus_', session: 'chorus_s_', reset: 'chorus_r_' } as const;

/**
 * A bearer secret (API token, browser session, password reset): shown to its owner once, stored only as its
 * SHA-256 (a leaked table holds no usable token).
 */
export class ApiToken {
  private constructor(
    readonly secret: string,
    readonly hash: string,
  ) {}

  static issue(kind: keyof typeof PREFIXES = 'api'): ApiToken {
    const secret = `${PREFIXES[kind]}${randomBytes(32).toString('base64url')}`;
    return new ApiToken(secret, ApiToken.hashOf(secret));
  }

  static hashOf(secret: string): string {
    return createHash('sha256').update(secret).digest('hex');
  }

  static expiryFrom(now: Date, days = API_TOKEN_LIFETIME_DAYS): Date {
    return new Date(now.getTime() + days * DAY_MS);
  }

  static sessionExpiryFrom(now: Date): Date {
    return new Date(now.getTime() + SESSION_LIFETIME_HOURS * 3600 * 1000);
  }

  /**
   * The CSRF token of a browser session: derived from the session secret, which only the httpOnly cookie holds,
   * so another site can neither read nor compute it (a synchronizer token that needs no extra storage).
   */
  static csrfTokenOf(sessionSecret: string): string {
    return createHash('sha256').update(`chorus-csrf:${sessionSecret}`).digest('base64url');
  }
}
