import { Inject } from '@nestjs/common';
import { CommandBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChannelNotFoundError, ChannelUnavailableError } from '../../../domain/channel/channel.errors.js';
import { AUDIT_LOG, CHANNEL_REPOSITORY } from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import { ChannelAccess } from '../../channels/channel-access.adapter.js';
import { openCredentials } from '../../channels/channel-credentials.mapper.js';
import {
  RefreshChannelCredentialsCommand,
  type RefreshOutcome,
} from '../../commands/refresh-channel-credentials/refresh-channel-credentials.command.js';
import type { ChannelRepository } from '../../ports/channel-repository.port.js';
import { GetChannelCredentialsQuery, type ChannelCredentials } from './get-channel-credentials.query.js';

/** A token this close to its expiry is renewed before it is handed out: the caller needs time to use it. */
export const HAND_OUT_MARGIN_MS = 60_000;

@QueryHandler(GetChannelCredentialsQuery)
export class GetChannelCredentialsHandler implements IQueryHandler<GetChannelCredentialsQuery> {
  constructor(
    private readonly access: ChannelAccess,
    private readonly commands: CommandBus,
    @Inject(CHANNEL_REPOSITORY) private readonly channels: ChannelRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async execute(query: GetChannelCredentialsQuery): Promise<ChannelCredentials> {
    const vault = this.access.vault();
    const ref = { tenantId: query.tenantId, channelId: query.channelId };
    // Renewed first, under the channel's lock, when it would lapse in the caller's hands.
    const outcome: RefreshOutcome = await this.commands.execute(
      new RefreshChannelCredentialsCommand(ref, new Date(Date.now() + HAND_OUT_MARGIN_MS)),
    );
    if (outcome === 'not-found') {
      throw new ChannelNotFoundError(query.channelId);
    }
    const stored = await this.channels.find(ref);
    if (stored === null) {
      throw new ChannelNotFoundError(query.channelId);
    }
    const props = stored.channel.snapshot();
    if (props.state !== 'connected' || stored.sealed === null) {
      throw new ChannelUnavailableError(query.channelId, props.state);
    }
    const credentials = openCredentials(vault, ref, stored.sealed);
    // Who read which channel's tokens and why; never the tokens.
    await this.audit.record({
      tenantId: query.tenantId,
      workspaceId: props.workspaceId,
      actorId: null,
      action: 'channel.credentials-read',
      objectType: 'channel',
      objectId: props.id,
      source: query.reader.service,
      details: { service: query.reader.service, purpose: query.reader.purpose, network: props.network },
    });
    return {
      channelId: props.id,
      workspaceId: props.workspaceId,
      network: props.network,
      credentials,
    };
  }
}
