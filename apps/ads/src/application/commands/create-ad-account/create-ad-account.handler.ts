import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { AdAccount, type AdAccountProps } from '../../../domain/ad-account.aggregate.js';
import { AD_ACCOUNT_REPOSITORY } from '../../../ads.tokens.js';
import type { AdAccountRepository } from '../../ports/ad-account-repository.port.js';
import { CreateAdAccountCommand } from './create-ad-account.command.js';

@CommandHandler(CreateAdAccountCommand)
export class CreateAdAccountHandler implements ICommandHandler<CreateAdAccountCommand> {
  constructor(@Inject(AD_ACCOUNT_REPOSITORY) private readonly repository: AdAccountRepository) {}

  async execute(command: CreateAdAccountCommand): Promise<AdAccountProps> {
    const adAccount = AdAccount.create({ id: uuidv7(), ...command.data }, new Date());
    await this.repository.add(adAccount);
    return adAccount.snapshot();
  }
}
