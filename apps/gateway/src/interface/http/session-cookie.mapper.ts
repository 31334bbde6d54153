import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'chorus_session';
/** Readable by the console's script (not httpOnly): it copies it into the x-csrf-token header. */
export const CSRF_COOKIE = 'chorus_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Where a browser signs in again; every session and CSRF error names it. */
export const SIGN_IN_PATH = '/api/auth/session';

export function parseCookies(header: string | string[] | undefined): Record<string, string> {
  const value = Array.isArray(header) ? header.join('; ') : (header ?? '');
  const cookies: Record<string, string> = {};
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      const name = part.slice(0, eq).trim();
      if (!(name in cookies)) {
        cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
      }
    }
  }
  return cookies;
}

/** httpOnly for the session, SameSite=Strict for both, Secure whenever the request came over HTTPS. */
export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  cookie: { session: string; csrf: string; expiresAt: Date },
): void {
  const maxAge = Math.max(0, Math.floor((cookie.expiresAt.getTime() - Date.now()) / 1000));
  const secure = request.protocol === 'https' ? '; Secure' : '';
  void reply.header('set-cookie', [
    `${SESSION_COOKIE}=${cookie.session}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`,
    `${CSRF_COOKIE}=${cookie.csrf}; Path=/; Max-Age=${maxAge}; SameSite=Strict${secure}`,
  ]);
}

export function clearSessionCookies(reply: { header(name: string, value: string[]): unknown }): void {
  reply.header('set-cookie', [
    `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`,
    `${CSRF_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict`,
  ]);
}
