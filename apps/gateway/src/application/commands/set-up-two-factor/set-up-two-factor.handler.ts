import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TotpSecret } from '../../../domain/totp.value-object.js';
import {
  CurrentTwoFactorCodeRequiredError,
  InvalidTwoFactorCodeError,
  TooManyAttemptsError,
  TwoFactorVaultMissingError,
  WrongCurrentPasswordError,
} from '../../../domain/account.errors.js';
import { twoFactorThrottleKeys } from '../../../domain/auth-throttle.value-object.js';
import { ACCOUNT_REPOSITORY, AUTH_THROTTLE, TOKEN_VAULT } from '../../../gateway.tokens.js';
import type { AuthThrottle } from '../../ports/auth-throttle.port.js';
import type { TokenVault } from '../../ports/token-vault.port.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import { loadMember } from '../../ports/account-repository.port.js';
import { SetUpTwoFactorCommand, type TwoFactorSetUp } from './set-up-two-factor.command.js';

@CommandHandler(SetUpTwoFactorCommand)
export class SetUpTwoFactorHandler implements ICommandHandler<SetUpTwoFactorCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(AUTH_THROTTLE) private readonly throttle: AuthThrottle,
    // A new secret is only ever stored sealed (ADR 0013).
    @Optional() @Inject(TOKEN_VAULT) private readonly vault: TokenVault | undefined,
  ) {}

  async execute(command: SetUpTwoFactorCommand): Promise<TwoFactorSetUp> {
    if (this.vault === undefined) {
      throw new TwoFactorVaultMissingError();
    }
    const member = await loadMember(this.accounts, command.tenantId, command.memberId);
    if (member.twoFactorEnabled && command.currentCode === undefined) {
      throw new CurrentTwoFactorCodeRequiredError();
    }
    // The password and the code are guessable secrets: each try is counted per account, like sign-in.
    const now = new Date();
    const keys = twoFactorThrottleKeys(command.memberId);
    const lockedFor = await this.throttle.reserve(keys, now);
    if (lockedFor !== null) {
      throw new TooManyAttemptsError(lockedFor);
    }
    if (!(await member.checkPassword(command.password))) {
      throw new WrongCurrentPasswordError();
    }
    if (member.twoFactorEnabled && !member.checkSecondFactor(command.currentCode!, now)) {
      throw new InvalidTwoFactorCodeError();
    }
    await this.throttle.release(keys, keys);
    const secret = TotpSecret.generate();
    member.startTwoFactorSetUp(secret);
    await this.accounts.saveCredentials(member);
    return { secret: secret.base32, otpauthUri: secret.otpauthUri(member.snapshot().email) };
  }
}
