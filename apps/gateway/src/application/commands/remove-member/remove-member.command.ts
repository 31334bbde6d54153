import { Command } from '@nestjs/cqrs';

/** Takes a member out of the workspace (they stay in the agency and its other workspaces). */
export class RemoveMemberCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly memberId: string,
    readonly removedBy: string,
  ) {
    super();
  }
}
