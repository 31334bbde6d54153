import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AuthenticatedMember } from '@chorus/access';
import { ApiToken } from '../../../domain/api-token.value-object.js';
import { ACCOUNT_REPOSITORY, API_TOKEN_REPOSITORY } from '../../../gateway.tokens.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import type { ApiTokenRepository } from '../../ports/api-token-repository.port.js';
import { AuthenticateTokenQuery } from './authenticate-token.query.js';

/**
 * A token -> its member with their roles per workspace. A scoped token keeps only the roles in its scopes, so
 * the gateway and every service (which see only the roles) enforce the scope with no code of their own.
 */
@QueryHandler(AuthenticateTokenQuery)
export class AuthenticateTokenHandler implements IQueryHandler<AuthenticateTokenQuery> {
  constructor(
    @Inject(API_TOKEN_REPOSITORY) private readonly tokens: ApiTokenRepository,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
  ) {}

  async execute(query: AuthenticateTokenQuery): Promise<AuthenticatedMember | null> {
    const stored = await this.tokens.findActive(ApiToken.hashOf(query.token), new Date());
    if (stored === null) {
      return null;
    }
    const member = await this.accounts.findMember(stored.tenantId, stored.memberId);
    if (member === null) {
      return null;
    }
    const { tenantId, memberships } = member.snapshot();
    const scopes = stored.scopes;
    if (scopes === null) {
      return { tenantId, userId: member.id, workspaces: memberships, credential: stored.kind };
    }
    const workspaces = memberships
      .map((ms) => ({ workspaceId: ms.workspaceId, roles: ms.roles.filter((r) => scopes.includes(r)) }))
      .filter((ms) => ms.roles.length > 0);
    return { tenantId, userId: member.id, workspaces, credential: stored.kind, scopes };
  }
}
