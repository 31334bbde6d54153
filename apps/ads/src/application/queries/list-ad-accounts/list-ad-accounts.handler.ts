import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AdAccountProps } from '../../../domain/ad-account.aggregate.js';
import { AD_ACCOUNT_REPOSITORY } from '../../../ads.tokens.js';
import type { AdAccountRepository } from '../../ports/ad-account-repository.port.js';
import { ListAdAccountsQuery } from './list-ad-accounts.query.js';

@QueryHandler(ListAdAccountsQuery)
export class ListAdAccountsHandler implements IQueryHandler<ListAdAccountsQuery> {
  constructor(@Inject(AD_ACCOUNT_REPOSITORY) private readonly repository: AdAccountRepository) {}

  async execute(query: ListAdAccountsQuery): Promise<AdAccountProps[]> {
    const items = await this.repository.listByWorkspace(query.tenantId, query.workspaceId);
    return items.map((item) => item.snapshot());
  }
}
