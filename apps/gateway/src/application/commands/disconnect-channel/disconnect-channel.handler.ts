import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { ChannelNotFoundError } from '../../../domain/channel/channel.errors.js';
import { AUDIT_LOG, CHANNEL_REPOSITORY, UNIT_OF_WORK } from '../../../gateway.tokens.js';
import { ChannelAccess } from '../../channels/channel-access.adapter.js';
import { openCredentials } from '../../channels/channel-credentials.mapper.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { ChannelRepository } from '../../ports/channel-repository.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { DisconnectChannelCommand } from './disconnect-channel.command.js';

/**
 * The sealed credentials are deleted with the state change and the ChannelDisconnected event; revoking them on
 * the network is best effort afterwards (the network may be down, and the channel is gone from Chorus anyway).
 */
@CommandHandler(DisconnectChannelCommand)
export class DisconnectChannelHandler implements ICommandHandler<DisconnectChannelCommand> {
  constructor(
    private readonly access: ChannelAccess,
    @Inject(CHANNEL_REPOSITORY) private readonly channels: ChannelRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: DisconnectChannelCommand): Promise<void> {
    const { tenantId, workspaceId, channelId } = command;
    const removed = await this.unitOfWork.run(tenantId, async () => {
      const stored = await this.channels.findInWorkspace(tenantId, workspaceId, channelId);
      if (stored === null) {
        throw new ChannelNotFoundError(channelId);
      }
      if (!stored.channel.disconnect(command.memberId, new Date())) {
        return null;
      }
      await this.channels.save(stored.channel, null);
      await this.audit.record({
        tenantId,
        workspaceId,
        actorId: command.memberId,
        action: 'channel.disconnected',
        objectType: 'channel',
        objectId: channelId,
        details: { network: stored.channel.snapshot().network },
      });
      return { sealed: stored.sealed, network: stored.channel.snapshot().network };
    });
    if (removed !== null && removed.sealed !== null) {
      await this.revokeOnNetwork(tenantId, channelId, removed.network, removed.sealed);
    }
  }

  private async revokeOnNetwork(
    tenantId: string,
    channelId: string,
    network: string,
    sealed: Parameters<typeof openCredentials>[2],
  ): Promise<void> {
    try {
      const connector = this.access.connector(network);
      await connector.auth.revoke?.(openCredentials(this.access.vault(), { tenantId, channelId }, sealed));
    } catch (error) {
      this.logger.write('warn', 'revoking a disconnected channel on its network failed', {
        channelId,
        reason: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
}
