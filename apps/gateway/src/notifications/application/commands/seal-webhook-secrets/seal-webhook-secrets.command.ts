import { Command } from '@nestjs/cqrs';

/** Seals clear webhook signing secrets and re-wraps those under an old master key (ADR 0013); rows changed. */
export class SealWebhookSecretsCommand extends Command<number> {
  constructor(readonly batchSize = 100) {
    super();
  }
}
