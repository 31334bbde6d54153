import { Command } from '@nestjs/cqrs';

/**
 * Revokes every calendar feed link given out for the workspace (they answer 410 from now on) and returns a
 * new one: for a link shared too widely, or a member who left.
 */
export class RevokeCalendarFeedUrlCommand extends Command<{ url: string; expiresAt: Date }> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly by: string,
  ) {
    super();
  }
}
