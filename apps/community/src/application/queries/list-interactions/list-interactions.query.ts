import { Query } from '@nestjs/cqrs';
import type { InteractionPage, InteractionView } from '../../ports/interaction-repository.port.js';

export class ListInteractionsQuery extends Query<InteractionView[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly page: InteractionPage,
  ) {
    super();
  }
}
