import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, CHANNEL_REPOSITORY } from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { ChannelRepository } from '../../ports/channel-repository.port.js';
import { MarkChannelReauthRequiredCommand } from './mark-channel-reauth-required.command.js';

/** State reauth-required, its ChannelReauthRequired event and an audit entry; false when it already was. */
@CommandHandler(MarkChannelReauthRequiredCommand)
export class MarkChannelReauthRequiredHandler implements ICommandHandler<MarkChannelReauthRequiredCommand> {
  constructor(
    @Inject(CHANNEL_REPOSITORY) private readonly channels: ChannelRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async execute({ stored, code, message }: MarkChannelReauthRequiredCommand): Promise<boolean> {
    const { channel } = stored;
    if (!channel.requireReauth(code, message, new Date())) {
      return false;
    }
    await this.channels.save(channel, stored.sealed);
    const props = channel.snapshot();
    await this.audit.record({
      tenantId: props.tenantId,
      workspaceId: props.workspaceId,
      actorId: null,
      action: 'channel.reauth-required',
      objectType: 'channel',
      objectId: props.id,
      details: { network: props.network, code },
    });
    return true;
  }
}
