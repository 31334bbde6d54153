import { Query } from '@nestjs/cqrs';
import type { BrandIdentityProps } from '../../../domain/brand-identity.aggregate.js';

/** Every saved version, newest first. */
export class ListBrandIdentityVersionsQuery extends Query<BrandIdentityProps[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
