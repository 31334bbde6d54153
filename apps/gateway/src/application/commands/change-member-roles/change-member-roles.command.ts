import { Command } from '@nestjs/cqrs';
import type { Role } from '@chorus/access';

/** Replaces a member's roles in the workspace; takes effect at their next request. */
export class ChangeMemberRolesCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly memberId: string,
    readonly roles: readonly Role[],
    readonly changedBy: string,
  ) {
    super();
  }
}
