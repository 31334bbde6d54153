import { Query } from '@nestjs/cqrs';
import type { OnResume } from '../../../domain/publishing/publishing-pause.value-object.js';

/** The workspace's publishing settings. */
export class GetPublishingSettingsQuery extends Query<{ crisisOnResume: OnResume }> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
