import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BrandIdentityProps } from '../../../domain/brand-identity.aggregate.js';
import { BRAND_IDENTITY_REPOSITORY } from '../../../strategy.tokens.js';
import type { BrandIdentityRepository } from '../../ports/brand-identity-repository.port.js';
import { ListBrandIdentityVersionsQuery } from './list-brand-identity-versions.query.js';

@QueryHandler(ListBrandIdentityVersionsQuery)
export class ListBrandIdentityVersionsHandler implements IQueryHandler<ListBrandIdentityVersionsQuery> {
  constructor(@Inject(BRAND_IDENTITY_REPOSITORY) private readonly identities: BrandIdentityRepository) {}

  execute(query: ListBrandIdentityVersionsQuery): Promise<BrandIdentityProps[]> {
    return this.identities.history(query.tenantId, query.workspaceId);
  }
}
