import { Command } from '@nestjs/cqrs';

export class DeleteAudienceCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly audienceId: string,
  ) {
    super();
  }
}
