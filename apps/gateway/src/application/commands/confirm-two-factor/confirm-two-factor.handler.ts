import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { InvalidTwoFactorCodeError, TwoFactorNotStartedError } from '../../../domain/account.errors.js';
import { ACCOUNT_REPOSITORY, AUDIT_LOG } from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import { loadMember } from '../../ports/account-repository.port.js';
import { ConfirmTwoFactorCommand } from './confirm-two-factor.command.js';

@CommandHandler(ConfirmTwoFactorCommand)
export class ConfirmTwoFactorHandler implements ICommandHandler<ConfirmTwoFactorCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: ConfirmTwoFactorCommand): Promise<void> {
    const member = await loadMember(this.accounts, command.tenantId, command.memberId);
    if ((member.snapshot().twoFactor?.pendingSecret ?? null) === null) {
      throw new TwoFactorNotStartedError();
    }
    if (!member.confirmTwoFactor(command.code, new Date())) {
      throw new InvalidTwoFactorCodeError();
    }
    await this.accounts.saveCredentials(member);
    await this.audit.record({
      tenantId: command.tenantId,
      workspaceId: null,
      actorId: member.id,
      action: 'member.two-factor-enabled',
      objectType: 'member',
      objectId: member.id,
      details: {},
    });
    this.logger.write('info', 'two-factor sign-in turned on', { userId: member.id });
  }
}
