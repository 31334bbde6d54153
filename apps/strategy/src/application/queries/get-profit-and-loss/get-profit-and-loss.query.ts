import { Query } from '@nestjs/cqrs';
import type { ProfitAndLoss } from '../../../domain/profit-and-loss.value-object.js';

export class GetProfitAndLossQuery extends Query<ProfitAndLoss> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
