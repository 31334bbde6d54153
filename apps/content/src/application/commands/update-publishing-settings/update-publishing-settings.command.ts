import { Command } from '@nestjs/cqrs';
import type { OnResume } from '../../../domain/publishing/publishing-pause.value-object.js';

/** Sets what becomes of the posts a crisis held once the crisis ends. */
export class UpdatePublishingSettingsCommand extends Command<void> {
  constructor(
    readonly data: {
      readonly tenantId: string;
      readonly workspaceId: string;
      readonly crisisOnResume: OnResume;
      readonly by: string;
    },
  ) {
    super();
  }
}
