import { Command } from '@nestjs/cqrs';
import type { TwoFactorSealReport } from '../../ports/account-repository.port.js';

/**
 * Seals clear TOTP secrets and re-wraps those under an old master key (ADR 0013): how many rows changed, and the
 * members whose secret could not be (passed over, logged by id, never stopping the pass).
 */
export class SealTwoFactorSecretsCommand extends Command<TwoFactorSealReport> {
  constructor(readonly batchSize = 100) {
    super();
  }
}
