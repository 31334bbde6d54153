import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidContentInputError } from '../../../domain/content.errors.js';
import type { ChannelQueue } from '../../../domain/queue-slot.value-object.js';
import { matchTargetChannels } from '../../../domain/target-channels.value-object.js';
import { isKnownTimeZone } from '../../../domain/time-zone.value-object.js';
import { CHANNEL_DIRECTORY, QUEUE_REPOSITORY } from '../../../content.tokens.js';
import type { ChannelDirectory } from '../../ports/channel-directory.port.js';
import type { QueueRepository } from '../../ports/queue-repository.port.js';
import { SaveQueueCommand } from './save-queue.command.js';

/** Replaces a channel's queue slots; the channel must be this workspace's and the zone known. */
@CommandHandler(SaveQueueCommand)
export class SaveQueueHandler implements ICommandHandler<SaveQueueCommand> {
  constructor(
    @Inject(CHANNEL_DIRECTORY) private readonly channels: ChannelDirectory,
    @Inject(QUEUE_REPOSITORY) private readonly queues: QueueRepository,
  ) {}

  async execute(command: SaveQueueCommand): Promise<ChannelQueue> {
    const { queue } = command;
    const found = await this.channels.findInTenant(command.tenantId, [queue.channelId]);
    const problems = matchTargetChannels(found, command.workspaceId, [queue.channelId]).problems.map((p) => ({
      ...p,
      field: 'channelId',
    }));
    if (!isKnownTimeZone(queue.timeZone)) {
      problems.push({ field: 'timeZone', problem: `unknown time zone "${queue.timeZone}"` });
    }
    if (problems.length > 0) {
      throw new InvalidContentInputError(problems);
    }
    await this.queues.save(command.tenantId, command.workspaceId, queue, command.by);
    return queue;
  }
}
