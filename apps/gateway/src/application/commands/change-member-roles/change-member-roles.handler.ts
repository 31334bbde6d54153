import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { ACCOUNT_REPOSITORY, AUDIT_LOG, UNIT_OF_WORK } from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import { assertAnotherAdminRemains, loadWorkspaceMember } from '../../ports/account-repository.port.js';
import { ChangeMemberRolesCommand } from './change-member-roles.command.js';

@CommandHandler(ChangeMemberRolesCommand)
export class ChangeMemberRolesHandler implements ICommandHandler<ChangeMemberRolesCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: ChangeMemberRolesCommand): Promise<void> {
    const { tenantId, workspaceId, memberId, roles } = command;
    await this.unitOfWork.run(tenantId, () => this.change(command));
    this.logger.write('info', 'member roles changed', { userId: memberId, workspaceId, roles });
  }

  private async change(command: ChangeMemberRolesCommand): Promise<void> {
    const { tenantId, workspaceId, memberId, roles } = command;
    const member = await loadWorkspaceMember(this.accounts, tenantId, workspaceId, memberId);
    if (member.rolesIn(workspaceId).includes('admin') && !roles.includes('admin')) {
      await assertAnotherAdminRemains(this.accounts, tenantId, workspaceId, memberId);
    }
    const before = member.rolesIn(workspaceId);
    member.grant(workspaceId, roles);
    await this.accounts.saveMemberships(member);
    await this.audit.record({
      tenantId,
      workspaceId,
      actorId: command.changedBy,
      action: 'member.roles-changed',
      objectType: 'member',
      objectId: memberId,
      details: { before: [...before], after: [...member.rolesIn(workspaceId)] },
    });
  }
}
