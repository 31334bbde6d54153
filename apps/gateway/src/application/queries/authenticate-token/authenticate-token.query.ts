import { Query } from '@nestjs/cqrs';
import type { AuthenticatedMember } from '@chorus/access';

/** Result: the token's member with their workspaces and roles, or null for an unknown, expired or revoked token. */
export class AuthenticateTokenQuery extends Query<AuthenticatedMember | null> {
  constructor(readonly token: string) {
    super();
  }
}
