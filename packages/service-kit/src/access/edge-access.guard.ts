import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  WORKSPACE_HEADER,
  hasPermission,
  identityInWorkspace,
  type AuthenticatedMember,
} from '@chorus/access';
import { enrichContext } from '../context/request-context.js';
import { EDGE_AUTHENTICATOR, type EdgeAuthenticator } from './edge-authenticator.js';
import type { RequestWithIdentity } from './identity-request.js';
import { readAccessDeclaration } from './read-access-declaration.js';

export interface RequestWithMember extends RequestWithIdentity {
  member?: AuthenticatedMember;
}

/**
 * The gateway's guard: `Authorization: Bearer <API token>` -> member (401 otherwise); for a permission, the
 * workspace from `x-chorus-workspace` (or the member's only one) and the roles held there (403 otherwise).
 */
@Injectable()
export class EdgeAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(EDGE_AUTHENTICATOR) private readonly authenticator: EdgeAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const declaration = readAccessDeclaration(this.reflector, context.getHandler(), context.getClass());
    if (declaration === undefined) {
      throw new ForbiddenException('This route declares no access rule, so it is closed');
    }
    if (declaration.kind === 'public') {
      return true;
    }

    const request = context.switchToHttp().getRequest<RequestWithMember>();
    const token = bearerToken(request.headers.authorization);
    const member = token === undefined ? null : await this.authenticator.authenticate(token);
    if (member === null) {
      throw new UnauthorizedException(
        'Sign in first: send Authorization: Bearer <token from POST /api/auth/sign-in>',
      );
    }
    request.member = member;
    enrichContext({ tenantId: member.tenantId, userId: member.userId });
    if (declaration.kind === 'authenticated') {
      return true;
    }

    const requested = request.headers[WORKSPACE_HEADER];
    const choice = identityInWorkspace(member, typeof requested === 'string' ? requested : undefined);
    if (!choice.ok) {
      throw workspaceProblem(choice.reason);
    }
    request.identity = choice.identity;
    enrichContext({ workspaceId: choice.identity.workspaceId });
    if (!hasPermission(choice.identity.roles, declaration.permission)) {
      throw new ForbiddenException(`Your roles in this workspace do not grant ${declaration.permission}`);
    }
    return true;
  }
}

export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value === undefined ? null : /^Bearer\s+(\S+)$/i.exec(value);
  return match?.[1];
}

export function workspaceProblem(reason: 'choose-workspace' | 'not-a-member'): Error {
  return reason === 'choose-workspace'
    ? new BadRequestException(
        `You belong to several workspaces: choose one with the ${WORKSPACE_HEADER} header`,
      )
    : new ForbiddenException(`You are not a member of the workspace named in ${WORKSPACE_HEADER}`);
}
