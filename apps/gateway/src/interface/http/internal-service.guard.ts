import { createHash, timingSafeEqual } from 'node:crypto';
import {
  BadRequestException,
  Inject,
  Injectable,
  Optional,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { INTERNAL_API_TOKEN } from '../../gateway.tokens.js';

export const SERVICE_TOKEN_HEADER = 'x-chorus-service-token';
export const TENANT_HEADER = 'x-chorus-tenant';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The internal API is for Chorus services only: the caller proves it with the installation's internal token
 * (CHORUS_INTERNAL_TOKEN; embedded mode makes one per process). A member's bearer token or session is not
 * looked at, so no member, admin or not, reaches it. The service names the agency it acts for.
 */
@Injectable()
export class InternalServiceGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Optional() @Inject(INTERNAL_API_TOKEN) token: string | undefined) {
    this.expected = token === undefined ? null : digest(token);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { internalTenantId?: string }>();
    const given = request.headers[SERVICE_TOKEN_HEADER];
    if (
      this.expected === null ||
      typeof given !== 'string' ||
      !timingSafeEqual(digest(given), this.expected)
    ) {
      throw new UnauthorizedException(
        `The internal API answers Chorus services only: send the installation's internal token in ${SERVICE_TOKEN_HEADER}`,
      );
    }
    const tenant = request.headers[TENANT_HEADER];
    if (typeof tenant !== 'string' || !UUID.test(tenant)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `Invalid header ${TENANT_HEADER}: the agency id (uuid) the service acts for`,
        problems: [{ field: TENANT_HEADER, problem: 'must be a uuid' }],
      });
    }
    request.internalTenantId = tenant.toLowerCase();
    return true;
  }
}

// Comparing digests keeps the comparison constant-time whatever the given length.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
