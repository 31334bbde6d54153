import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { ACCOUNT_REPOSITORY, AUDIT_LOG, UNIT_OF_WORK } from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import { assertAnotherAdminRemains, loadWorkspaceMember } from '../../ports/account-repository.port.js';
import { RemoveMemberCommand } from './remove-member.command.js';

@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: RemoveMemberCommand): Promise<void> {
    const { tenantId, workspaceId, memberId } = command;
    await this.unitOfWork.run(tenantId, () => this.remove(command));
    this.logger.write('info', 'member removed from workspace', { userId: memberId, workspaceId });
  }

  private async remove(command: RemoveMemberCommand): Promise<void> {
    const { tenantId, workspaceId, memberId } = command;
    const member = await loadWorkspaceMember(this.accounts, tenantId, workspaceId, memberId);
    if (member.rolesIn(workspaceId).includes('admin')) {
      await assertAnotherAdminRemains(this.accounts, tenantId, workspaceId, memberId);
    }
    member.leave(workspaceId);
    await this.accounts.saveMemberships(member);
    await this.audit.record({
      tenantId,
      workspaceId,
      actorId: command.removedBy,
      action: 'member.removed',
      objectType: 'member',
      objectId: memberId,
      details: {},
    });
  }
}
