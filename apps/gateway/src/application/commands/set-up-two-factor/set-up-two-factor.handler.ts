import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TotpSecret } from '../../../domain/totp.value-object.js';
import { ACCOUNT_REPOSITORY } from '../../../gateway.tokens.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import { loadMember } from '../../ports/account-repository.port.js';
import { SetUpTwoFactorCommand, type TwoFactorSetUp } from './set-up-two-factor.command.js';

@CommandHandler(SetUpTwoFactorCommand)
export class SetUpTwoFactorHandler implements ICommandHandler<SetUpTwoFactorCommand> {
  constructor(@Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository) {}

  async execute(command: SetUpTwoFactorCommand): Promise<TwoFactorSetUp> {
    const member = await loadMember(this.accounts, command.tenantId, command.memberId);
    const secret = TotpSecret.generate();
    member.startTwoFactorSetUp(secret);
    await this.accounts.saveCredentials(member);
    return { secret: secret.base32, otpauthUri: secret.otpauthUri(member.snapshot().email) };
  }
}
