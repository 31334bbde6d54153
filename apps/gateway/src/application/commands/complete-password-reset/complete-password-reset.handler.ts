import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { InvalidResetTokenError } from '../../../domain/account.errors.js';
import { ApiToken } from '../../../domain/api-token.value-object.js';
import { PasswordHash } from '../../../domain/password-hash.value-object.js';
import {
  ACCOUNT_REPOSITORY,
  API_TOKEN_REPOSITORY,
  PASSWORD_RESET_REPOSITORY,
  AUDIT_LOG,
} from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import type { ApiTokenRepository } from '../../ports/api-token-repository.port.js';
import type { PasswordResetRepository } from '../../ports/password-reset-repository.port.js';
import { loadMember } from '../../ports/account-repository.port.js';
import { CompletePasswordResetCommand } from './complete-password-reset.command.js';

@CommandHandler(CompletePasswordResetCommand)
export class CompletePasswordResetHandler implements ICommandHandler<CompletePasswordResetCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(PASSWORD_RESET_REPOSITORY) private readonly resets: PasswordResetRepository,
    @Inject(API_TOKEN_REPOSITORY) private readonly tokens: ApiTokenRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: CompletePasswordResetCommand): Promise<void> {
    const now = new Date();
    // Hash first: the slow part must not run between consuming the link and saving the password.
    const passwordHash = await PasswordHash.of(command.password);
    const reset = await this.resets.consume(ApiToken.hashOf(command.token), now);
    if (reset === null) {
      throw new InvalidResetTokenError();
    }
    const member = await loadMember(this.accounts, reset.tenantId, reset.memberId);
    member.changePassword(passwordHash);
    await this.accounts.saveCredentials(member);
    await this.tokens.revokeSignIns(reset.tenantId, reset.memberId, now);
    await this.audit.record({
      tenantId: reset.tenantId,
      workspaceId: null,
      actorId: reset.memberId,
      action: 'member.password-set',
      objectType: 'member',
      objectId: reset.memberId,
      details: {},
    });
    this.logger.write('info', 'password reset', { userId: member.id });
  }
}
