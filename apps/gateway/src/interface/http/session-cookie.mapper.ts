import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';

export const CSRF_HEADER = 'x-csrf-token';
/** Where a browser signs in again; every session and CSRF error names it. */
export const SIGN_IN_PATH = '/api/auth/session';

/**
 * The browser cookies' names and attributes, decided once from the public URL (ADR 0017). Behind HTTPS they are
 * `__Host-` cookies: the browser keeps them only when Secure, Path=/ and without Domain, so neither a sibling
 * subdomain nor a plain-HTTP page can plant or shadow them. On plain HTTP (a local install) the names are plain
 * and Secure is set only for a request that itself came over HTTPS.
 */
export interface CookiePolicy {
  /** Every cookie is Secure and `__Host-` prefixed. */
  readonly hostOnly: boolean;
  /** httpOnly: the browser session. */
  readonly session: string;
  /** Readable by the console's script (not httpOnly): it copies it into the x-csrf-token header. */
  readonly csrf: string;
  /**
   * httpOnly: binds an OAuth connection to the browser that started it (ADR 0017); one cookie per authorization,
   * so a browser may have several connections in progress.
   */
  oauthFor(state: string): string;
}

export function cookiePolicyOf(publicUrl: string | undefined): CookiePolicy {
  const hostOnly = publicUrl?.startsWith('https:') === true;
  const prefix = hostOnly ? '__Host-' : '';
  return {
    hostOnly,
    session: `${prefix}chorus_session`,
    csrf: `${prefix}chorus_csrf`,
    oauthFor: (state) =>
      `${prefix}chorus_oauth_${createHash('sha256').update(state).digest('base64url').slice(0, 16)}`,
  };
}

/** The cookies of a header; a value that is not valid percent-encoding is dropped, never a 500. */
export function parseCookies(header: string | string[] | undefined): Record<string, string> {
  const value = Array.isArray(header) ? header.join('; ') : (header ?? '');
  const cookies: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      const name = part.slice(0, eq).trim();
      const decoded = decodeCookieValue(part.slice(eq + 1).trim());
      if (!(name in cookies) && decoded !== undefined) {
        cookies[name] = decoded;
      }
    }
  }
  return cookies;
}

function decodeCookieValue(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** One Set-Cookie line: Path=/ and no Domain always; Secure for `__Host-` names or a request over HTTPS. */
export function cookieLine(
  policy: CookiePolicy,
  name: string,
  value: string,
  options: { maxAge: number; httpOnly: boolean; sameSite: 'Strict' | 'Lax'; overHttps: boolean },
): string {
  const secure = policy.hostOnly || options.overHttps ? '; Secure' : '';
  const httpOnly = options.httpOnly ? '; HttpOnly' : '';
  return `${name}=${value}; Path=/; Max-Age=${options.maxAge}${httpOnly}; SameSite=${options.sameSite}${secure}`;
}

/** Adds Set-Cookie lines to those the reply already has (a later `header()` would replace them). */
export function addCookies(
  reply: { getHeader(name: string): unknown; header(name: string, value: string[]): unknown },
  lines: readonly string[],
): void {
  const before = reply.getHeader('set-cookie');
  const kept = Array.isArray(before) ? before.map(String) : typeof before === 'string' ? [before] : [];
  reply.header('set-cookie', [...kept, ...lines]);
}

/** httpOnly for the session, SameSite=Strict for both. */
export function setSessionCookies(
  policy: CookiePolicy,
  reply: FastifyReply,
  cookie: { session: string; csrf: string; expiresAt: Date; overHttps: boolean },
): void {
  const maxAge = Math.max(0, Math.floor((cookie.expiresAt.getTime() - Date.now()) / 1000));
  const common = { maxAge, sameSite: 'Strict', overHttps: cookie.overHttps } as const;
  addCookies(reply, [
    cookieLine(policy, policy.session, cookie.session, { ...common, httpOnly: true }),
    cookieLine(policy, policy.csrf, cookie.csrf, { ...common, httpOnly: false }),
  ]);
}

export function clearSessionCookies(
  policy: CookiePolicy,
  reply: { getHeader(name: string): unknown; header(name: string, value: string[]): unknown },
): void {
  const common = { maxAge: 0, sameSite: 'Strict', overHttps: false } as const;
  addCookies(reply, [
    cookieLine(policy, policy.session, '', { ...common, httpOnly: true }),
    cookieLine(policy, policy.csrf, '', { ...common, httpOnly: false }),
  ]);
}
