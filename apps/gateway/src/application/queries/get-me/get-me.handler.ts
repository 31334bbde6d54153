import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCOUNT_REPOSITORY } from '../../../gateway.tokens.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import { GetMeQuery, type MeView } from './get-me.query.js';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery> {
  constructor(@Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository) {}

  async execute(query: GetMeQuery): Promise<MeView> {
    const [member, agency] = await Promise.all([
      this.accounts.findMember(query.tenantId, query.userId),
      this.accounts.findAgency(query.tenantId),
    ]);
    if (member === null || agency === null) {
      throw new Error(`member ${query.userId} vanished while signed in`);
    }
    const m = member.snapshot();
    const workspaces = await this.accounts.listWorkspaces(
      query.tenantId,
      m.memberships.map((ms) => ms.workspaceId),
    );
    return {
      userId: m.id,
      name: m.name,
      email: m.email,
      agency: { id: agency.id, name: agency.snapshot().name },
      workspaces: workspaces.map((w) => ({
        id: w.id,
        name: w.name,
        roles: m.memberships.find((ms) => ms.workspaceId === w.id)?.roles ?? [],
      })),
    };
  }
}
