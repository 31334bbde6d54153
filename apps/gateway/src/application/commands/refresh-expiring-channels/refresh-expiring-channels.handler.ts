import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { CHANNEL_REPOSITORY } from '../../../gateway.tokens.js';
import {
  REFRESH_CLAIM_TTL_MS,
  RefreshChannelCredentialsCommand,
  type RefreshOutcome,
} from '../refresh-channel-credentials/refresh-channel-credentials.command.js';
import type { ChannelRepository } from '../../ports/channel-repository.port.js';
import { RefreshExpiringChannelsCommand, type SweepResult } from './refresh-expiring-channels.command.js';

@CommandHandler(RefreshExpiringChannelsCommand)
export class RefreshExpiringChannelsHandler implements ICommandHandler<RefreshExpiringChannelsCommand> {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CHANNEL_REPOSITORY) private readonly channels: ChannelRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: RefreshExpiringChannelsCommand): Promise<SweepResult> {
    const dueBefore = new Date(Date.now() + command.horizonMs);
    const due = await this.channels.expiringBefore(dueBefore, command.batchSize, REFRESH_CLAIM_TTL_MS);
    const result = { refreshed: 0, reauthRequired: 0, failed: 0 };
    for (const ref of due) {
      try {
        const outcome: RefreshOutcome = await this.commands.execute(
          new RefreshChannelCredentialsCommand(ref, dueBefore),
        );
        if (outcome === 'refreshed') {
          result.refreshed += 1;
        } else if (outcome === 'reauth-required') {
          result.reauthRequired += 1;
        }
      } catch (error) {
        // A network down now is retried at the next pass; the token is still valid until it expires.
        result.failed += 1;
        this.logger.write('warn', 'channel refresh failed', {
          channelId: ref.channelId,
          reason: error instanceof Error ? error.name : 'unknown',
        });
      }
    }
    if (due.length > 0) {
      this.logger.write('info', 'channel refresh sweep', { due: due.length, ...result });
    }
    return result;
  }
}
