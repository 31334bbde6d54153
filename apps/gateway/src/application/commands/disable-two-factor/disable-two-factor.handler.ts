import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import {
  InvalidTwoFactorCodeError,
  TooManyAttemptsError,
  WrongCurrentPasswordError,
} from '../../../domain/account.errors.js';
import { twoFactorThrottleKeys } from '../../../domain/auth-throttle.value-object.js';
import { ACCOUNT_REPOSITORY, AUDIT_LOG, AUTH_THROTTLE } from '../../../gateway.tokens.js';
import type { AuthThrottle } from '../../ports/auth-throttle.port.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import { loadMember } from '../../ports/account-repository.port.js';
import { DisableTwoFactorCommand } from './disable-two-factor.command.js';

@CommandHandler(DisableTwoFactorCommand)
export class DisableTwoFactorHandler implements ICommandHandler<DisableTwoFactorCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(AUTH_THROTTLE) private readonly throttle: AuthThrottle,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: DisableTwoFactorCommand): Promise<void> {
    const member = await loadMember(this.accounts, command.tenantId, command.memberId);
    // Passwords and six digits are guessable: each try is throttled per account like sign-in.
    const now = new Date();
    const keys = twoFactorThrottleKeys(member.id);
    const lockedFor = await this.throttle.reserve(keys, now);
    if (lockedFor !== null) {
      throw new TooManyAttemptsError(lockedFor);
    }
    // Re-authentication first: a session alone must not turn the second factor off.
    if (!(await member.checkPassword(command.password))) {
      throw new WrongCurrentPasswordError();
    }
    if (!member.twoFactorEnabled || !member.checkSecondFactor(command.code, now)) {
      throw new InvalidTwoFactorCodeError();
    }
    await this.throttle.release(keys, keys);
    member.disableTwoFactor();
    await this.accounts.saveCredentials(member);
    await this.audit.record({
      tenantId: command.tenantId,
      workspaceId: null,
      actorId: member.id,
      action: 'member.two-factor-disabled',
      objectType: 'member',
      objectId: member.id,
      details: {},
    });
    this.logger.write('info', 'two-factor sign-in turned off', { userId: member.id });
  }
}
