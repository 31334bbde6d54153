import { Query } from '@nestjs/cqrs';
import type { ContentProblem } from '../../../domain/content.errors.js';

/** What a draft may hold: its channels are this workspace's, its campaign exists. The problems, if any. */
export class CheckDraftQuery extends Query<ContentProblem[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly channelIds: readonly string[],
    readonly campaignId: string | null,
  ) {
    super();
  }
}
