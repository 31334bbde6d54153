import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Credentials } from '@chorus/connector-sdk';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import type { ReauthCode } from '../../../domain/channel/events/channel-reauth-required.event.js';
import { CHANNEL_REPOSITORY } from '../../../gateway.tokens.js';
import { ChannelAccess } from '../../channels/channel-access.adapter.js';
import { grantOf, openCredentials, sealCredentials } from '../../channels/channel-credentials.mapper.js';
import { connectorErrorKind } from '../../channels/connector-failure.mapper.js';
import type { ChannelRef, ChannelRepository, RefreshClaim } from '../../ports/channel-repository.port.js';
import { MarkChannelReauthRequiredCommand } from '../mark-channel-reauth-required/mark-channel-reauth-required.command.js';
import {
  REFRESH_CLAIM_TTL_MS,
  RefreshChannelCredentialsCommand,
  type RefreshOutcome,
} from './refresh-channel-credentials.command.js';

/**
 * Renews a channel's tokens in three steps (ADR 0018): claim the row in one short transaction, call the
 * network outside any transaction (embedded mode has one database connection; a slow network must not hold
 * it), write back in another transaction under the claim's fence. Two refreshes of one channel (two gateway
 * instances, the sweep and a credentials request) never both spend a rotating refresh token: the second finds
 * the row claimed. A token already expired that cannot be renewed is flagged reauth-required.
 */
@CommandHandler(RefreshChannelCredentialsCommand)
export class RefreshChannelCredentialsHandler implements ICommandHandler<RefreshChannelCredentialsCommand> {
  constructor(
    private readonly access: ChannelAccess,
    private readonly commands: CommandBus,
    @Inject(CHANNEL_REPOSITORY) private readonly channels: ChannelRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute({ ref, dueBefore }: RefreshChannelCredentialsCommand): Promise<RefreshOutcome> {
    const claim = await this.channels.claimForRefresh(ref, dueBefore, REFRESH_CLAIM_TTL_MS);
    if (claim === null) {
      return this.whyUnclaimed(ref, dueBefore);
    }
    const { channel, sealed } = claim.stored;
    const props = channel.snapshot();
    const expired = props.tokenExpiresAt !== null && props.tokenExpiresAt.getTime() <= Date.now();
    const connector = this.access.connector(props.network);
    if (connector.auth.refresh === undefined) {
      if (expired) {
        return this.markReauth(claim, 'Access expired and this network cannot renew it');
      }
      await this.channels.releaseClaim(claim);
      return 'not-refreshable';
    }
    let fresh: Credentials;
    try {
      fresh = await connector.auth.refresh(openCredentials(this.access.vault(), ref, sealed!));
    } catch (error) {
      if (connectorErrorKind(error) === 'reauth-required') {
        return this.markReauth(claim, `The network refused to renew access: ${(error as Error).message}`);
      }
      if (expired) {
        // Nothing works with an expired token: say so now rather than let publishing fail silently.
        return this.markReauth(claim, 'Access expired and could not be renewed');
      }
      await this.channels.releaseClaim(claim);
      throw error;
    }
    return this.writeBack(claim, fresh);
  }

  private async writeBack(claim: RefreshClaim, fresh: Credentials): Promise<RefreshOutcome> {
    const { channel } = claim.stored;
    channel.refreshed(grantOf(fresh), new Date());
    const saved = await this.channels.saveRefreshed(
      claim,
      channel,
      sealCredentials(this.access.vault(), claim.ref, fresh),
    );
    if (!saved) {
      this.logger.write('warn', 'channel refresh fenced out: the channel changed while its tokens renewed', {
        channelId: claim.ref.channelId,
      });
      return 'fenced';
    }
    return 'refreshed';
  }

  private async whyUnclaimed(ref: ChannelRef, dueBefore: Date): Promise<RefreshOutcome> {
    const found = await this.channels.find(ref);
    if (found === null) {
      return 'not-found';
    }
    const { state, tokenExpiresAt } = found.channel.snapshot();
    const due = state === 'connected' && tokenExpiresAt !== null && tokenExpiresAt < dueBefore;
    return due ? 'busy' : 'not-due';
  }

  /**
   * Under the row lock and the claim's fence, a short transaction without network calls: the failure speaks
   * for the credentials this refresh held. A member who reconnected (or disconnected) the channel meanwhile
   * gave it new ones, which this failure says nothing about, so it is left as they made it.
   */
  private async markReauth(claim: RefreshClaim, message: string): Promise<RefreshOutcome> {
    const code: ReauthCode = 'token-expired';
    const marked = await this.channels.withClaim(claim, (current): Promise<boolean> =>
      this.commands.execute(new MarkChannelReauthRequiredCommand(current, code, message)),
    );
    await this.channels.releaseClaim(claim);
    if (marked === null) {
      this.logger.write('warn', 'channel refresh failed, but the channel changed meanwhile: not flagged', {
        channelId: claim.ref.channelId,
      });
      return 'fenced';
    }
    return 'reauth-required';
  }
}
