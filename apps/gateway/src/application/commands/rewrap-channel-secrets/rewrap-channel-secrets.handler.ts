import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CHANNEL_REPOSITORY } from '../../../gateway.tokens.js';
import { ChannelAccess } from '../../channels/channel-access.adapter.js';
import type { ChannelRepository } from '../../ports/channel-repository.port.js';
import { channelBinding } from '../../ports/token-vault.port.js';
import { RewrapChannelSecretsCommand } from './rewrap-channel-secrets.command.js';

/** Returns how many secrets were re-wrapped; each one under its row lock, so a refresh cannot interleave. */
@CommandHandler(RewrapChannelSecretsCommand)
export class RewrapChannelSecretsHandler implements ICommandHandler<RewrapChannelSecretsCommand> {
  constructor(
    private readonly access: ChannelAccess,
    @Inject(CHANNEL_REPOSITORY) private readonly channels: ChannelRepository,
  ) {}

  async execute(command: RewrapChannelSecretsCommand): Promise<number> {
    const vault = this.access.vault();
    let total = 0;
    for (;;) {
      const due = await this.channels.wrappedByOtherKey(vault.activeKeyId, command.batchSize);
      if (due.length === 0) {
        return total;
      }
      for (const ref of due) {
        await this.channels.withLock(ref, async ({ channel, sealed }) => {
          if (sealed !== null && vault.needsRewrap(sealed)) {
            await this.channels.save(channel, vault.rewrap(sealed, channelBinding(ref)));
            total += 1;
          }
        });
      }
    }
  }
}
