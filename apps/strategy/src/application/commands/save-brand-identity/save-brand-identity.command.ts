import { Command } from '@nestjs/cqrs';
import type { BrandIdentityContent, BrandIdentityProps } from '../../../domain/brand-identity.aggregate.js';

export class SaveBrandIdentityCommand extends Command<BrandIdentityProps> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly content: BrandIdentityContent,
    readonly savedBy: string,
  ) {
    super();
  }
}
