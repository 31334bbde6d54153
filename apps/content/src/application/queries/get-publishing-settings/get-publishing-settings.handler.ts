import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PUBLISHING_PAUSES } from '../../../content.tokens.js';
import type { OnResume } from '../../../domain/publishing/publishing-pause.value-object.js';
import type { PublishingPauseRepository } from '../../ports/publishing-pause-repository.port.js';
import { GetPublishingSettingsQuery } from './get-publishing-settings.query.js';

@QueryHandler(GetPublishingSettingsQuery)
export class GetPublishingSettingsHandler implements IQueryHandler<
  GetPublishingSettingsQuery,
  { crisisOnResume: OnResume }
> {
  constructor(@Inject(PUBLISHING_PAUSES) private readonly pauses: PublishingPauseRepository) {}

  async execute(query: GetPublishingSettingsQuery): Promise<{ crisisOnResume: OnResume }> {
    return { crisisOnResume: await this.pauses.crisisOnResume(query.tenantId, query.workspaceId) };
  }
}
