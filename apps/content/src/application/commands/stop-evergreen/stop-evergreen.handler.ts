import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVERGREEN_REPOSITORY, UNIT_OF_WORK } from '../../../content.tokens.js';
import { ContentNotFoundError } from '../../../domain/content.errors.js';
import {
  stopEvergreen,
  type EvergreenSetting,
} from '../../../domain/evergreen/evergreen-setting.value-object.js';
import type { EvergreenRepository } from '../../ports/evergreen-repository.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { StopEvergreenCommand } from './stop-evergreen.command.js';

@CommandHandler(StopEvergreenCommand)
export class StopEvergreenHandler implements ICommandHandler<StopEvergreenCommand> {
  constructor(
    @Inject(EVERGREEN_REPOSITORY) private readonly evergreen: EvergreenRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ data }: StopEvergreenCommand): Promise<EvergreenSetting> {
    // Under the row lock a planner run holds while it re-queues, so the count it just raised is not lost.
    return this.unitOfWork.run(data.tenantId, async () => {
      const setting = await this.evergreen.lockForRun(data.tenantId, data.postId);
      if (setting === null || setting.workspaceId !== data.workspaceId) {
        throw new ContentNotFoundError(`Post ${data.postId} is not evergreen in this workspace`);
      }
      if (!setting.active) {
        return setting;
      }
      const stopped = { ...stopEvergreen(setting, 'stopped by a person', new Date()), updatedBy: data.by };
      await this.evergreen.save(stopped);
      return stopped;
    });
  }
}
