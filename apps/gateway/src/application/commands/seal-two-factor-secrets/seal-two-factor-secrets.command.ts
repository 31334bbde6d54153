import { Command } from '@nestjs/cqrs';

/** Seals clear TOTP secrets and re-wraps those under an old master key (ADR 0013); how many rows changed. */
export class SealTwoFactorSecretsCommand extends Command<number> {
  constructor(readonly batchSize = 100) {
    super();
  }
}
