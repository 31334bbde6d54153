import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import type { Connector, Credentials } from '@chorus/connector-sdk';
import { Channel, type ChannelAccount } from '../../../domain/channel/channel.aggregate.js';
import { NetworkRefusedConnectionError } from '../../../domain/channel/channel.errors.js';
import { AUDIT_LOG, CHANNEL_REPOSITORY, UNIT_OF_WORK } from '../../../gateway.tokens.js';
import { ChannelAccess } from '../../channels/channel-access.adapter.js';
import { grantOf, sealCredentials } from '../../channels/channel-credentials.mapper.js';
import { connectorErrorKind } from '../../channels/connector-failure.mapper.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { ChannelRepository } from '../../ports/channel-repository.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { RecordChannelConnectionCommand } from './record-channel-connection.command.js';

/**
 * The end of every connection flow: ask the network who the credentials belong to, then store the channel (new,
 * or the same account connected again), its sealed credentials, its ChannelConnected event and the audit entry
 * in one transaction.
 */
@CommandHandler(RecordChannelConnectionCommand)
export class RecordChannelConnectionHandler implements ICommandHandler<RecordChannelConnectionCommand> {
  constructor(
    private readonly access: ChannelAccess,
    @Inject(CHANNEL_REPOSITORY) private readonly channels: ChannelRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(input: RecordChannelConnectionCommand): Promise<Channel> {
    const connector = this.access.connector(input.network);
    const account = await verifiedAccount(connector, input.credentials);
    const capabilities = declaredCapabilities(connector.manifest.capabilities);
    const now = new Date();
    return this.unitOfWork.run(input.tenantId, async () => {
      const existing = await this.channels.findByAccount(
        input.tenantId,
        input.workspaceId,
        input.network,
        account.remoteId,
      );
      const channel =
        existing?.channel ??
        Channel.connect({
          id: uuidv7(),
          tenantId: input.tenantId,
          workspaceId: input.workspaceId,
          network: input.network,
          account,
          grant: grantOf(input.credentials),
          connectedById: input.memberId,
          capabilities,
          now,
        });
      if (existing !== null) {
        channel.reconnect({
          account,
          grant: grantOf(input.credentials),
          connectedById: input.memberId,
          capabilities,
          now,
        });
      }
      const sealed = sealCredentials(
        this.access.vault(),
        { tenantId: input.tenantId, channelId: channel.id },
        input.credentials,
      );
      await this.channels.save(channel, sealed);
      await this.audit.record({
        tenantId: input.tenantId,
        workspaceId: input.workspaceId,
        actorId: input.memberId,
        action: existing === null ? 'channel.connected' : 'channel.reconnected',
        objectType: 'channel',
        objectId: channel.id,
        details: { network: input.network, account: account.handle },
      });
      return channel;
    });
  }
}

function declaredCapabilities(capabilities: object): string[] {
  return Object.entries(capabilities)
    .filter(([name, value]) => name !== 'auth' && value !== undefined && value !== false)
    .map(([name]) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))
    .filter((name) => /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(name));
}

/** Who the credentials belong to, asked of the network: a connection is stored only once this answers. */
export async function verifiedAccount(
  connector: Connector,
  credentials: Credentials,
): Promise<ChannelAccount> {
  try {
    const profile = await connector.auth.verify(credentials);
    return {
      // The id the connector routes by (ADR 0008): the credentials', which verify reports too.
      remoteId: credentials.accountId,
      handle: profile.handle,
      displayName: profile.displayName ?? profile.handle,
      avatarUrl: profile.avatarUrl ?? null,
    };
  } catch (error) {
    if (connectorErrorKind(error) === 'reauth-required') {
      throw new NetworkRefusedConnectionError((error as Error).message);
    }
    throw error;
  }
}
