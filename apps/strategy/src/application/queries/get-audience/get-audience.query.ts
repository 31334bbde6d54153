import { Query } from '@nestjs/cqrs';
import type { AudienceProps } from '../../../domain/audience.aggregate.js';

export class GetAudienceQuery extends Query<AudienceProps> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly audienceId: string,
  ) {
    super();
  }
}
