import { Query } from '@nestjs/cqrs';

/** A signed URL a calendar app subscribes to (no Chorus sign-in), valid for a year. */
export class GetCalendarFeedUrlQuery extends Query<{ url: string; expiresAt: Date }> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
