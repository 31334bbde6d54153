import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ChannelNotFoundError } from '../../../domain/channel/channel.errors.js';
import { CHANNEL_REPOSITORY } from '../../../gateway.tokens.js';
import { ChannelAccess } from '../../channels/channel-access.adapter.js';
import { openCredentials } from '../../channels/channel-credentials.mapper.js';
import { MarkChannelReauthRequiredCommand } from '../mark-channel-reauth-required/mark-channel-reauth-required.command.js';
import { connectorErrorKind } from '../../channels/connector-failure.mapper.js';
import type { ChannelRepository } from '../../ports/channel-repository.port.js';
import { ReportChannelReauthCommand, type ReauthReportOutcome } from './report-channel-reauth.command.js';

/**
 * The gateway asks the network itself before it marks the channel: one service's bug (or a token refreshed a
 * moment ago) must not make every service stop using a channel that still works.
 */
@CommandHandler(ReportChannelReauthCommand)
export class ReportChannelReauthHandler implements ICommandHandler<ReportChannelReauthCommand> {
  constructor(
    private readonly access: ChannelAccess,
    private readonly commands: CommandBus,
    @Inject(CHANNEL_REPOSITORY) private readonly channels: ChannelRepository,
  ) {}

  async execute(command: ReportChannelReauthCommand): Promise<ReauthReportOutcome> {
    const ref = { tenantId: command.tenantId, channelId: command.channelId };
    const outcome = await this.channels.withLock(ref, async (stored): Promise<ReauthReportOutcome> => {
      if (stored.channel.state !== 'connected' || stored.sealed === null) {
        return 'already-lapsed';
      }
      const connector = this.access.connector(stored.channel.snapshot().network);
      const credentials = openCredentials(this.access.vault(), ref, stored.sealed);
      try {
        await connector.auth.verify(credentials);
        return 'still-valid';
      } catch (error) {
        if (connectorErrorKind(error) !== 'reauth-required') {
          throw error;
        }
        await this.commands.execute(
          new MarkChannelReauthRequiredCommand(stored, 'access-revoked', (error as Error).message),
        );
        return 'confirmed';
      }
    });
    if (outcome === null) {
      throw new ChannelNotFoundError(command.channelId);
    }
    return outcome;
  }
}
