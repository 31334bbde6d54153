import { Command } from '@nestjs/cqrs';

export class DeleteMediaCommand extends Command<void> {
  constructor(
    readonly data: { readonly tenantId: string; readonly workspaceId: string; readonly mediaId: string },
  ) {
    super();
  }
}
