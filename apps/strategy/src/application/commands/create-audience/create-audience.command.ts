import { Command } from '@nestjs/cqrs';
import type { AudienceContent, AudienceProps } from '../../../domain/audience.aggregate.js';

export class CreateAudienceCommand extends Command<AudienceProps> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly content: AudienceContent,
  ) {
    super();
  }
}
