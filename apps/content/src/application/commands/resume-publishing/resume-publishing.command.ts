import { Command } from '@nestjs/cqrs';
import type { OnResume } from '../../../domain/publishing/publishing-pause.value-object.js';
import type { ResumeResult } from '../../ports/publishing-pause-repository.port.js';

/**
 * End a pause. `onResume` null: what was chosen when it was paused. `crisisId`: only that crisis's pause (the
 * workspace stays paused while a person's or another crisis's stands); without it, a person ends the pause.
 */
export class ResumePublishingCommand extends Command<ResumeResult | null> {
  constructor(
    readonly data: {
      readonly tenantId: string;
      readonly workspaceId: string;
      readonly onResume: OnResume | null;
      readonly crisisId?: string;
    },
  ) {
    super();
  }
}
