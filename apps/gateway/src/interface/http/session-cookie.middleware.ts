import { Inject, Injectable, Optional, type NestMiddleware } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthenticateTokenQuery } from '../../application/queries/authenticate-token/authenticate-token.query.js';
import { ApiToken } from '../../domain/api-token.value-object.js';
import { PUBLIC_URL } from '../../gateway.tokens.js';
import { CSRF_HEADER, cookiePolicyOf, parseCookies, type CookiePolicy } from './session-cookie.mapper.js';

/** Why a request's session cookie was not used; the session problem filter explains it to the caller. */
export type SessionProblem = 'session-expired' | 'csrf-token-invalid';

const problems = new WeakMap<object, SessionProblem>();
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionProblemOf(request: object): SessionProblem | undefined {
  return problems.get(request);
}

/**
 * A browser signs in with a cookie; the rest of the gateway knows bearer tokens. A request without an
 * Authorization header whose session cookie is valid -- and, for a write, carries the session's CSRF token in
 * x-csrf-token -- continues as `Bearer <session>`. Otherwise it continues without credentials and the reason is
 * kept, so that a route needing a member answers "session expired" or "CSRF token invalid", and public routes
 * (signing in again) still work with a stale cookie.
 */
@Injectable()
export class SessionCookieMiddleware implements NestMiddleware {
  private readonly cookies: CookiePolicy;

  constructor(
    private readonly queries: QueryBus,
    @Optional() @Inject(PUBLIC_URL) publicUrl: string | undefined,
  ) {
    this.cookies = cookiePolicyOf(publicUrl);
  }

  async use(request: IncomingMessage, _response: ServerResponse, next: (error?: unknown) => void) {
    try {
      const session = parseCookies(request.headers.cookie)[this.cookies.session];
      if (request.headers.authorization !== undefined || session === undefined || session === '') {
        next();
        return;
      }
      const member = await this.queries.execute(new AuthenticateTokenQuery(session));
      if (member === null || member.credential !== 'session') {
        problems.set(request, 'session-expired');
      } else if (!SAFE_METHODS.has(request.method ?? 'GET') && !csrfMatches(request, session)) {
        problems.set(request, 'csrf-token-invalid');
      } else {
        request.headers.authorization = `Bearer ${session}`;
      }
      next();
    } catch (error) {
      next(error);
    }
  }
}

function csrfMatches(request: IncomingMessage, session: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string') {
    return false;
  }
  const expected = Buffer.from(ApiToken.csrfTokenOf(session));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
