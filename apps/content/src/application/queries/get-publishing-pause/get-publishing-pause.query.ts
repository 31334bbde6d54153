import { Query } from '@nestjs/cqrs';
import type { PublishingPause } from '../../../domain/publishing/publishing-pause.value-object.js';

export class GetPublishingPauseQuery extends Query<PublishingPause | null> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
