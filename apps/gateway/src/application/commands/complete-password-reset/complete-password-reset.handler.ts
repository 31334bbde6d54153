import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { InvalidResetTokenError, TooManyAttemptsError } from '../../../domain/account.errors.js';
import { ApiToken } from '../../../domain/api-token.value-object.js';
import {
  resetCompletionAccountKeys,
  resetCompletionAddressKeys,
} from '../../../domain/auth-throttle.value-object.js';
import { PasswordHash } from '../../../domain/password-hash.value-object.js';
import {
  ACCOUNT_REPOSITORY,
  API_TOKEN_REPOSITORY,
  AUTH_THROTTLE,
  PASSWORD_RESET_REPOSITORY,
  AUDIT_LOG,
  UNIT_OF_WORK,
} from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import type { ApiTokenRepository } from '../../ports/api-token-repository.port.js';
import type { AuthThrottle } from '../../ports/auth-throttle.port.js';
import type { PasswordResetRepository } from '../../ports/password-reset-repository.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { loadMember } from '../../ports/account-repository.port.js';
import { CompletePasswordResetCommand } from './complete-password-reset.command.js';

@CommandHandler(CompletePasswordResetCommand)
export class CompletePasswordResetHandler implements ICommandHandler<CompletePasswordResetCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(PASSWORD_RESET_REPOSITORY) private readonly resets: PasswordResetRepository,
    @Inject(API_TOKEN_REPOSITORY) private readonly tokens: ApiTokenRepository,
    @Inject(AUTH_THROTTLE) private readonly throttle: AuthThrottle,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: CompletePasswordResetCommand): Promise<void> {
    const now = new Date();
    const hash = ApiToken.hashOf(command.token);
    // Counted before the link is looked up; a wrong or spent link keeps its count, a good one gives it back.
    const addressKeys = resetCompletionAddressKeys(command.ip);
    await this.reserve(addressKeys, now);
    const found = await this.resets.find(hash, now);
    if (found === null) {
      throw new InvalidResetTokenError();
    }
    const member = await loadMember(this.accounts, found.tenantId, found.memberId);
    // Checked before the link is spent: an account over its limit keeps its link for later.
    await this.reserve(resetCompletionAccountKeys(member.snapshot().email), now);
    await this.throttle.release(addressKeys);

    // Hash first: the slow part must not run between consuming the link and saving the password.
    const passwordHash = await PasswordHash.of(command.password);
    // Spending the link, the new password, the revocations and their audit entry commit together or not at all:
    // a failure half-way must not leave a new password with the old tokens alive, or a spent link.
    const revoked = await this.unitOfWork.run(found.tenantId, async () => {
      const reset = await this.resets.consume(hash, now);
      if (reset === null || reset.memberId !== member.id) {
        throw new InvalidResetTokenError(); // used by a concurrent request a moment ago
      }
      member.changePassword(passwordHash);
      await this.accounts.saveCredentials(member);
      // Whoever had the old password may have signed in or made an API token: none of it outlives the reset.
      const counts = await this.tokens.revokeAll(reset.tenantId, reset.memberId, now);
      await this.audit.record({
        tenantId: reset.tenantId,
        workspaceId: null,
        actorId: reset.memberId,
        action: 'member.password-set',
        objectType: 'member',
        objectId: reset.memberId,
        details: {
          sessionsRevoked: counts.session + counts['sign-in'],
          apiTokensRevoked: counts.named,
        },
      });
      return counts;
    });
    this.logger.write('info', 'password reset; every session and API token revoked', {
      userId: member.id,
      sessionsRevoked: revoked.session + revoked['sign-in'],
      apiTokensRevoked: revoked.named,
    });
  }

  private async reserve(keys: Parameters<AuthThrottle['reserve']>[0], now: Date): Promise<void> {
    const lockedFor = await this.throttle.reserve(keys, now);
    if (lockedFor !== null) {
      throw new TooManyAttemptsError(lockedFor);
    }
  }
}
