import {
  HttpException,
  Inject,
  Injectable,
  Optional,
  UseGuards,
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiForbiddenResponse, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_URL } from '../../gateway.tokens.js';

/**
 * The public POSTs (sign-in, sign-up, password reset) carry no session, so no CSRF token protects them: another
 * site could sign a browser into the attacker's account (login CSRF) with a plain HTML form. A form can send only
 * form-encoded or text bodies, and a browser says where a request comes from; so these routes take JSON only
 * (anything else needs a CORS preflight, which the gateway never grants) and refuse another origin outright.
 */
@Injectable()
export class SameOriginJsonGuard implements CanActivate {
  constructor(@Optional() @Inject(PUBLIC_URL) private readonly publicUrl: string | undefined) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const mediaType = String(request.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (mediaType !== 'application/json') {
      throw new HttpException(
        {
          statusCode: 415,
          error: 'json-required',
          message: 'Send the body as JSON with the header Content-Type: application/json',
        },
        415,
      );
    }
    const origin = request.headers.origin;
    const crossSite = request.headers['sec-fetch-site'] === 'cross-site';
    if (crossSite || (origin !== undefined && !this.isOwnOrigin(origin, request))) {
      const home = this.publicUrl === undefined ? request.host : originOf(this.publicUrl);
      throw new HttpException(
        {
          statusCode: 403,
          error: 'cross-origin-refused',
          message: `This request came from another site (${origin ?? 'cross-site'}): sign in from ${home} itself`,
        },
        403,
      );
    }
    return true;
  }

  /**
   * The public URL's origin when configured. Without one, the host the request was sent to: behind a TLS proxy
   * that is not trusted (CHORUS_TRUST_PROXY) the request's own scheme is http while the browser's is https.
   */
  private isOwnOrigin(origin: string, request: FastifyRequest): boolean {
    if (this.publicUrl !== undefined) {
      return origin === originOf(this.publicUrl);
    }
    try {
      return new URL(origin).host === request.host;
    } catch {
      return false; // `null` (a sandboxed or file: page) or garbage
    }
  }
}

function originOf(url: string): string {
  return new URL(url).origin;
}

/** JSON only, from this installation's own origin; documented in OpenAPI. */
export const SameOriginJson = (): MethodDecorator =>
  applyDecorators(
    UseGuards(SameOriginJsonGuard),
    ApiForbiddenResponse({ description: 'error cross-origin-refused: sent from another site' }),
    ApiUnsupportedMediaTypeResponse({ description: 'error json-required: the body is not JSON' }),
  );
