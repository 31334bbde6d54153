import { Query } from '@nestjs/cqrs';
import type { BrandIdentityProps } from '../../../domain/brand-identity.aggregate.js';

/** The latest version, or the one asked for. */
export class GetBrandIdentityQuery extends Query<BrandIdentityProps> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly version: number | null,
  ) {
    super();
  }
}
