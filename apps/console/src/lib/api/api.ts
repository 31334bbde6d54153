import { createChorusClient, type Middleware } from '@chorus/api-client';
import { session } from '../session/session.svelte';

/** The session's CSRF token; `__Host-` prefixed when the gateway is reached over HTTPS (ADR 0017). */
const CSRF_COOKIES = ['__Host-chorus_csrf', 'chorus_csrf'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function cookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(value.join('='));
    }
  }
  return undefined;
}

/**
 * Every call carries the session cookie (same origin), the CSRF token of the session on writes (ADR 0012) and
 * the workspace the member acts in. A 401 while signed in means the session ended: the layout shows it and
 * the page keeps what was typed.
 */
const consoleMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method)) {
      const csrf = CSRF_COOKIES.map(cookie).find((value) => value !== undefined && value !== '');
      if (csrf !== undefined) {
        request.headers.set('x-csrf-token', csrf);
      }
    }
    const workspaceId = session.workspaceId;
    if (workspaceId !== null && !request.headers.has('x-chorus-workspace')) {
      request.headers.set('x-chorus-workspace', workspaceId);
    }
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && session.me !== null) {
      session.expired = true;
    }
    return response;
  },
};

export const api = createChorusClient({ middleware: [consoleMiddleware] });
