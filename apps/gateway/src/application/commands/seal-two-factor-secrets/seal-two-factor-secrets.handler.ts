import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ACCOUNT_REPOSITORY } from '../../../gateway.tokens.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import { SealTwoFactorSecretsCommand } from './seal-two-factor-secrets.command.js';

@CommandHandler(SealTwoFactorSecretsCommand)
export class SealTwoFactorSecretsHandler implements ICommandHandler<SealTwoFactorSecretsCommand> {
  constructor(@Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository) {}

  execute(command: SealTwoFactorSecretsCommand): Promise<number> {
    return this.accounts.sealTwoFactorSecrets(command.batchSize);
  }
}
