import { Command } from '@nestjs/cqrs';
import type { OnResume } from '../../../domain/publishing/publishing-pause.value-object.js';

/** Stop every scheduled post of the workspace from going out, with a reason, until someone resumes. */
export class PausePublishingCommand extends Command<void> {
  constructor(
    readonly data: {
      readonly tenantId: string;
      readonly workspaceId: string;
      readonly reason: string;
      readonly crisisId: string | null;
      readonly pausedBy: string | null;
      readonly onResume: OnResume;
    },
  ) {
    super();
  }
}
