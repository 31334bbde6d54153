import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TotpSecret } from '../../../domain/totp.value-object.js';
import { TwoFactorVaultMissingError } from '../../../domain/account.errors.js';
import { ACCOUNT_REPOSITORY, TOKEN_VAULT } from '../../../gateway.tokens.js';
import type { TokenVault } from '../../ports/token-vault.port.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import { loadMember } from '../../ports/account-repository.port.js';
import { SetUpTwoFactorCommand, type TwoFactorSetUp } from './set-up-two-factor.command.js';

@CommandHandler(SetUpTwoFactorCommand)
export class SetUpTwoFactorHandler implements ICommandHandler<SetUpTwoFactorCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    // A new secret is only ever stored sealed (ADR 0013).
    @Optional() @Inject(TOKEN_VAULT) private readonly vault: TokenVault | undefined,
  ) {}

  async execute(command: SetUpTwoFactorCommand): Promise<TwoFactorSetUp> {
    if (this.vault === undefined) {
      throw new TwoFactorVaultMissingError();
    }
    const member = await loadMember(this.accounts, command.tenantId, command.memberId);
    const secret = TotpSecret.generate();
    member.startTwoFactorSetUp(secret);
    await this.accounts.saveCredentials(member);
    return { secret: secret.base32, otpauthUri: secret.otpauthUri(member.snapshot().email) };
  }
}
