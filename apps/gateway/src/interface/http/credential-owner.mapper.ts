import { UnauthorizedException } from '@nestjs/common';
import type { AuthenticatedMember } from '@chorus/access';
import type { RequestWithMember } from '@chorus/service-kit';
import { ScopedCredentialError } from '../../domain/account.errors.js';
import { accountHttpError } from './account-http.errors.js';

/** The member managing their own credentials: never through a scoped token (it could widen itself). */
export function credentialOwner(request: RequestWithMember): AuthenticatedMember {
  const member = request.member;
  if (member === undefined) {
    throw new UnauthorizedException('Sign in first');
  }
  if (member.scopes !== undefined) {
    throw accountHttpError(new ScopedCredentialError());
  }
  return member;
}
