import {
  Catch,
  Inject,
  Optional,
  UnauthorizedException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { PUBLIC_URL } from '../../gateway.tokens.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionProblemOf } from './session-cookie.middleware.js';
import { SIGN_IN_PATH, clearSessionCookies, cookiePolicyOf } from './session-cookie.mapper.js';

const MESSAGES = {
  'session-expired': 'Your session has expired or was signed out: sign in again',
  'csrf-token-invalid':
    'This request lacks the CSRF token of your session (x-csrf-token): reload the page, or sign in again',
} as const;

/**
 * A 401 for a request whose session cookie could not be used says why, and how to get back: 401
 * session-expired (the stale cookies are cleared) or 403 csrf-token-invalid, both with `signIn`.
 */
@Catch(UnauthorizedException)
export class SessionProblemFilter implements ExceptionFilter {
  constructor(@Optional() @Inject(PUBLIC_URL) private readonly publicUrl: string | undefined) {}

  catch(exception: UnauthorizedException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = sessionProblemOf(request.raw);
    if (problem === undefined) {
      void reply.status(401).send(exception.getResponse());
      return;
    }
    if (problem === 'session-expired') {
      clearSessionCookies(cookiePolicyOf(this.publicUrl), reply);
    }
    const status = problem === 'session-expired' ? 401 : 403;
    void reply
      .status(status)
      .send({ statusCode: status, error: problem, message: MESSAGES[problem], signIn: SIGN_IN_PATH });
  }
}
