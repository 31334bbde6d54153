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

/** A scoped API token: acts with its scopes only, never with its owner's agency role (ADR 0018). */
export function isScopedCredential(request: RequestWithMember): boolean {
  return request.member?.scopes !== undefined;
}

/**
 * Signed in with the password (a browser session or a sign-in token), not an API token: only such a credential
 * reads the text of mail, since a reset link in a token holder's hands takes the account over (ADR 0018).
 */
export function isPasswordCredential(request: RequestWithMember): boolean {
  return request.member?.scopes === undefined && request.member?.credential !== 'named';
}
