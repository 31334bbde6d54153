import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Credentials } from '@chorus/connector-sdk';
import { CHANNEL_REPOSITORY } from '../../../gateway.tokens.js';
import { ChannelAccess } from '../../channels/channel-access.adapter.js';
import { grantOf, openCredentials, sealCredentials } from '../../channels/channel-credentials.mapper.js';
import { connectorErrorKind } from '../../channels/connector-failure.mapper.js';
import type { ChannelRepository } from '../../ports/channel-repository.port.js';
import { MarkChannelReauthRequiredCommand } from '../mark-channel-reauth-required/mark-channel-reauth-required.command.js';
import {
  RefreshChannelCredentialsCommand,
  type RefreshOutcome,
} from './refresh-channel-credentials.command.js';

/**
 * Renews a channel's tokens holding its row lock, so two refreshes of one channel (two gateway instances, the
 * sweep and a credentials request) never both spend a rotating refresh token. The second one re-reads the row
 * after the first committed and finds it no longer due.
 */
@CommandHandler(RefreshChannelCredentialsCommand)
export class RefreshChannelCredentialsHandler implements ICommandHandler<RefreshChannelCredentialsCommand> {
  constructor(
    private readonly access: ChannelAccess,
    private readonly commands: CommandBus,
    @Inject(CHANNEL_REPOSITORY) private readonly channels: ChannelRepository,
  ) {}

  async execute({ ref, dueBefore }: RefreshChannelCredentialsCommand): Promise<RefreshOutcome> {
    const outcome = await this.channels.withLock(ref, async (stored): Promise<RefreshOutcome> => {
      const { channel, sealed } = stored;
      const expiresAt = channel.snapshot().tokenExpiresAt;
      if (channel.state !== 'connected' || sealed === null || expiresAt === null) {
        return 'not-due';
      }
      if (expiresAt.getTime() > dueBefore.getTime()) {
        return 'not-due';
      }
      const connector = this.access.connector(channel.snapshot().network);
      if (connector.auth.refresh === undefined) {
        return 'not-refreshable';
      }
      const credentials = openCredentials(this.access.vault(), ref, sealed);
      let fresh: Credentials;
      try {
        fresh = await connector.auth.refresh(credentials);
      } catch (error) {
        if (connectorErrorKind(error) !== 'reauth-required') {
          throw error;
        }
        await this.commands.execute(
          new MarkChannelReauthRequiredCommand(
            stored,
            'token-expired',
            `The network refused to renew access: ${(error as Error).message}`,
          ),
        );
        return 'reauth-required';
      }
      channel.refreshed(grantOf(fresh), new Date());
      await this.channels.save(channel, sealCredentials(this.access.vault(), ref, fresh));
      return 'refreshed';
    });
    return outcome ?? 'not-found';
  }
}
