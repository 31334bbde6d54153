import { Query } from '@nestjs/cqrs';
import type { AdAccountProps } from '../../../domain/ad-account.aggregate.js';

export class ListAdAccountsQuery extends Query<AdAccountProps[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
