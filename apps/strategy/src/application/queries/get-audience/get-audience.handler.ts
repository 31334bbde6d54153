import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AudienceProps } from '../../../domain/audience.aggregate.js';
import { StrategyNotFoundError } from '../../../domain/strategy.errors.js';
import { AUDIENCE_REPOSITORY } from '../../../strategy.tokens.js';
import type { AudienceRepository } from '../../ports/audience-repository.port.js';
import { GetAudienceQuery } from './get-audience.query.js';

@QueryHandler(GetAudienceQuery)
export class GetAudienceHandler implements IQueryHandler<GetAudienceQuery> {
  constructor(@Inject(AUDIENCE_REPOSITORY) private readonly audiences: AudienceRepository) {}

  async execute(query: GetAudienceQuery): Promise<AudienceProps> {
    const audience = await this.audiences.findById(query.tenantId, query.workspaceId, query.audienceId);
    if (audience === null) {
      throw new StrategyNotFoundError(`No audience ${query.audienceId} in this workspace`);
    }
    return audience.snapshot();
  }
}
