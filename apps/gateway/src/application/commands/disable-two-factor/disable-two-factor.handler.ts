import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { InvalidTwoFactorCodeError } from '../../../domain/account.errors.js';
import { ACCOUNT_REPOSITORY, AUDIT_LOG } from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import { loadMember } from '../../ports/account-repository.port.js';
import { DisableTwoFactorCommand } from './disable-two-factor.command.js';

@CommandHandler(DisableTwoFactorCommand)
export class DisableTwoFactorHandler implements ICommandHandler<DisableTwoFactorCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: DisableTwoFactorCommand): Promise<void> {
    const member = await loadMember(this.accounts, command.tenantId, command.memberId);
    if (!member.twoFactorEnabled || !member.checkSecondFactor(command.code, new Date())) {
      throw new InvalidTwoFactorCodeError();
    }
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
