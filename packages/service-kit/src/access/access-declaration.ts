import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@chorus/access';

export const ACCESS_METADATA = 'chorus:access';

/** What a route needs from its caller. Every route declares one; an undeclared route is refused. */
export type AccessDeclaration =
  | { readonly kind: 'public' }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'permission'; readonly permission: Permission };

/** The caller's roles in the workspace must grant this permission (403 otherwise). */
export function RequirePermission(permission: Permission): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies AccessDeclaration),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid identity' }),
    ApiForbiddenResponse({ description: `Requires the permission ${permission}` }),
  );
}

/** Open to anyone: health probes, sign-in. */
export function PublicEndpoint(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessDeclaration);
}

/** Any signed-in member, whatever the roles (their own profile, the gateway's proxy). */
export function AuthenticatedEndpoint(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessDeclaration),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid identity' }),
  );
}
