import { Command } from '@nestjs/cqrs';
import type { EvergreenSetting } from '../../../domain/evergreen/evergreen-setting.value-object.js';

/** The post is no longer evergreen: no more re-queues (one already scheduled stays an ordinary post). */
export class StopEvergreenCommand extends Command<EvergreenSetting> {
  constructor(readonly data: { tenantId: string; workspaceId: string; postId: string; by: string }) {
    super();
  }
}
