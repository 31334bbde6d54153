import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IDENTITY_HEADER, IdentityTokenError, hasPermission, verifyIdentity } from '@chorus/access';
import type { KeyObject } from 'node:crypto';
import { enrichContext } from '../context/request-context.js';
import { IDENTITY_PUBLIC_KEY, SERVICE_NAME } from '../runtime/service-kit.tokens.js';
import type { RequestWithIdentity } from './identity-request.js';
import { readAccessDeclaration } from './read-access-declaration.js';

/**
 * A service behind the gateway trusts only identities the gateway signed for it: no valid signature, wrong
 * audience or expired -> 401; valid but without the route's permission -> 403.
 */
@Injectable()
export class SignedIdentityGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(IDENTITY_PUBLIC_KEY) private readonly publicKey: KeyObject,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const declaration = readAccessDeclaration(this.reflector, context.getHandler(), context.getClass());
    if (declaration === undefined) {
      throw new ForbiddenException('This route declares no access rule, so it is closed');
    }
    if (declaration.kind === 'public') {
      return true;
    }

    const request = context.switchToHttp().getRequest<RequestWithIdentity>();
    const header = request.headers[IDENTITY_HEADER];
    if (typeof header !== 'string') {
      throw new UnauthorizedException(
        'Missing signed identity: call this service through the Chorus gateway',
      );
    }
    let claims;
    try {
      claims = verifyIdentity(header, { audience: this.service, publicKey: this.publicKey });
    } catch (error) {
      if (error instanceof IdentityTokenError) {
        throw new UnauthorizedException(`Signed identity ${error.reason}`);
      }
      throw error;
    }
    const identity = {
      tenantId: claims.tenantId,
      workspaceId: claims.workspaceId,
      userId: claims.userId,
      roles: claims.roles,
    };
    request.identity = identity;
    enrichContext({
      tenantId: identity.tenantId,
      workspaceId: identity.workspaceId,
      userId: identity.userId,
    });
    if (declaration.kind === 'permission' && !hasPermission(identity.roles, declaration.permission)) {
      throw new ForbiddenException(`Your roles in this workspace do not grant ${declaration.permission}`);
    }
    return true;
  }
}
