import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { CHANNEL_REPOSITORY } from '../../../gateway.tokens.js';
import { ChannelAccess } from '../../channels/channel-access.adapter.js';
import { VaultRewrapStatus } from '../../channels/vault-rewrap-status.adapter.js';
import type { ChannelRepository } from '../../ports/channel-repository.port.js';
import { channelBinding } from '../../ports/token-vault.port.js';
import { RewrapChannelSecretsCommand } from './rewrap-channel-secrets.command.js';

/**
 * Returns how many secrets were re-wrapped; each one under its row lock, so a refresh cannot interleave. A row
 * that fails (its key gone from the ring, a damaged envelope) is counted, logged without any secret and passed
 * over: one bad row must not leave every later one under the old key (ADR 0018).
 */
@CommandHandler(RewrapChannelSecretsCommand)
export class RewrapChannelSecretsHandler implements ICommandHandler<RewrapChannelSecretsCommand> {
  constructor(
    private readonly access: ChannelAccess,
    private readonly status: VaultRewrapStatus,
    @Inject(CHANNEL_REPOSITORY) private readonly channels: ChannelRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: RewrapChannelSecretsCommand): Promise<number> {
    const vault = this.access.vault();
    let total = 0;
    const failed: string[] = [];
    let after: string | undefined;
    for (;;) {
      const due = await this.channels.wrappedByOtherKey(vault.activeKeyId, command.batchSize, after);
      if (due.length === 0) {
        break;
      }
      for (const ref of due) {
        try {
          await this.channels.withLock(ref, async ({ channel, sealed }) => {
            if (sealed !== null && vault.needsRewrap(sealed)) {
              await this.channels.save(channel, vault.rewrap(sealed, channelBinding(ref)));
              total += 1;
            }
          });
        } catch (error) {
          failed.push(ref.channelId);
          this.logger.write('error', 'vault re-wrap failed for a channel; it stays under its old key', {
            channelId: ref.channelId,
            reason: error instanceof Error ? error.name : 'unknown',
          });
        }
      }
      after = due.at(-1)!.channelId;
    }
    this.status.record(total, failed);
    if (failed.length > 0) {
      this.logger.write('error', 'vault re-wrap left channels under an old key', {
        failed: failed.length,
        rewrapped: total,
      });
    }
    return total;
  }
}
