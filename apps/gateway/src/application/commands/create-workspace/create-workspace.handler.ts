import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { ACCOUNT_REPOSITORY, AUDIT_LOG, UNIT_OF_WORK } from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import { loadMember } from '../../ports/account-repository.port.js';
import { CreateWorkspaceCommand, type CreatedWorkspace } from './create-workspace.command.js';

@CommandHandler(CreateWorkspaceCommand)
export class CreateWorkspaceHandler implements ICommandHandler<CreateWorkspaceCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: CreateWorkspaceCommand): Promise<CreatedWorkspace> {
    const creator = await loadMember(this.accounts, command.tenantId, command.creatorId);
    const workspace = { id: uuidv7(), tenantId: command.tenantId, name: command.name, createdAt: new Date() };
    creator.grant(workspace.id, ['admin']);
    await this.unitOfWork.run(command.tenantId, async () => {
      await this.accounts.addWorkspace(workspace);
      await this.accounts.saveMemberships(creator);
      await this.audit.record({
        tenantId: command.tenantId,
        workspaceId: workspace.id,
        actorId: creator.id,
        action: 'workspace.created',
        objectType: 'workspace',
        objectId: workspace.id,
        details: { name: workspace.name },
      });
    });
    this.logger.write('info', 'workspace created', { workspaceId: workspace.id, userId: creator.id });
    return { id: workspace.id, name: workspace.name };
  }
}
