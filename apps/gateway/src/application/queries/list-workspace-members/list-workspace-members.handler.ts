import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCOUNT_REPOSITORY } from '../../../gateway.tokens.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import { ListWorkspaceMembersQuery, type WorkspaceMemberView } from './list-workspace-members.query.js';

@QueryHandler(ListWorkspaceMembersQuery)
export class ListWorkspaceMembersHandler implements IQueryHandler<ListWorkspaceMembersQuery> {
  constructor(@Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository) {}

  async execute(query: ListWorkspaceMembersQuery): Promise<WorkspaceMemberView[]> {
    const members = await this.accounts.listWorkspaceMembers(query.tenantId, query.workspaceId);
    return members.map((m) => {
      const { name, email } = m.snapshot();
      return { id: m.id, name, email, roles: m.rolesIn(query.workspaceId) };
    });
  }
}
