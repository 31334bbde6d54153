import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BrandIdentityProps } from '../../../domain/brand-identity.aggregate.js';
import { StrategyNotFoundError } from '../../../domain/strategy.errors.js';
import { BRAND_IDENTITY_REPOSITORY } from '../../../strategy.tokens.js';
import type { BrandIdentityRepository } from '../../ports/brand-identity-repository.port.js';
import { GetBrandIdentityQuery } from './get-brand-identity.query.js';

@QueryHandler(GetBrandIdentityQuery)
export class GetBrandIdentityHandler implements IQueryHandler<GetBrandIdentityQuery> {
  constructor(@Inject(BRAND_IDENTITY_REPOSITORY) private readonly identities: BrandIdentityRepository) {}

  async execute(query: GetBrandIdentityQuery): Promise<BrandIdentityProps> {
    const found =
      query.version === null
        ? await this.identities.latest(query.tenantId, query.workspaceId)
        : await this.identities.version(query.tenantId, query.workspaceId, query.version);
    if (found === null) {
      throw new StrategyNotFoundError(
        query.version === null
          ? 'This workspace has no brand identity yet; PUT /brand-identity saves the first version'
          : `No brand identity version ${query.version} in this workspace`,
      );
    }
    return found;
  }
}
