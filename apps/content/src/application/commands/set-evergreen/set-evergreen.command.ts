import { Command } from '@nestjs/cqrs';
import type {
  EvergreenPolicy,
  EvergreenSetting,
} from '../../../domain/evergreen/evergreen-setting.value-object.js';

/** Marks a post evergreen: once published, it comes back in its first channel's queue (docs/adr/0028). */
export class SetEvergreenCommand extends Command<EvergreenSetting> {
  constructor(
    readonly data: {
      tenantId: string;
      workspaceId: string;
      postId: string;
      policy: EvergreenPolicy;
      by: string;
    },
  ) {
    super();
  }
}
