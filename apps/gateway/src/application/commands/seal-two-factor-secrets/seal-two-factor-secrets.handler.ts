import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { ACCOUNT_REPOSITORY } from '../../../gateway.tokens.js';
import { VaultRewrapStatus } from '../../channels/vault-rewrap-status.adapter.js';
import type { AccountRepository, TwoFactorSealReport } from '../../ports/account-repository.port.js';
import { SealTwoFactorSecretsCommand } from './seal-two-factor-secrets.command.js';

/**
 * A row that cannot be re-wrapped (its key gone from the ring, a damaged envelope) is logged by member id and
 * passed over; the others still move to the active key, and the pass's figures go to the operators' status.
 */
@CommandHandler(SealTwoFactorSecretsCommand)
export class SealTwoFactorSecretsHandler implements ICommandHandler<SealTwoFactorSecretsCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    private readonly status: VaultRewrapStatus,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: SealTwoFactorSecretsCommand): Promise<TwoFactorSealReport> {
    const report = await this.accounts.sealTwoFactorSecrets(command.batchSize);
    for (const memberId of report.failedMemberIds) {
      this.logger.write('error', 'vault re-wrap failed for a two-factor secret; it stays under its old key', {
        memberId,
      });
    }
    if (report.failedMemberIds.length > 0) {
      this.logger.write('error', 'vault re-wrap left two-factor secrets under an old key', {
        failed: report.failedMemberIds.length,
        rewrapped: report.sealed,
      });
    }
    this.status.recordTwoFactor(report.sealed, report.failedMemberIds);
    return report;
  }
}
