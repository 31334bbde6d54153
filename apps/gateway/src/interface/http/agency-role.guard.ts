import {
  ForbiddenException,
  Inject,
  Injectable,
  UseGuards,
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { AuthenticatedEndpoint, type RequestWithMember } from '@chorus/service-kit';
import type { AgencyRoles } from '../../application/ports/agency-roles.port.js';
import { AGENCY_ROLES } from '../../gateway.tokens.js';

/** The 403 text the OpenAPI document carries; the isolation test reads it to know the route's rule. */
export const AGENCY_ROLE_REQUIRED = 'Requires an agency role (owner or admin)';

/**
 * After the edge guard (a signed-in member): the member must hold an agency role (ADR 0018), which a scoped API
 * token never carries.
 */
@Injectable()
export class AgencyRoleGuard implements CanActivate {
  constructor(@Inject(AGENCY_ROLES) private readonly roles: AgencyRoles) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const member = context.switchToHttp().getRequest<RequestWithMember>().member;
    const role =
      member === undefined
        ? null
        : await this.roles.roleOf(member.tenantId, {
            memberId: member.userId,
            scopedCredential: member.scopes !== undefined,
          });
    if (role === null) {
      throw new ForbiddenException(
        'This is an agency-level action: it needs an agency role (owner or admin), not a workspace role',
      );
    }
    return true;
  }
}

/** An agency-level route: any workspace's roles are not enough, the member needs an agency role. */
export function RequireAgencyRole(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    AuthenticatedEndpoint(),
    UseGuards(AgencyRoleGuard),
    ApiForbiddenResponse({ description: AGENCY_ROLE_REQUIRED }),
  );
}
