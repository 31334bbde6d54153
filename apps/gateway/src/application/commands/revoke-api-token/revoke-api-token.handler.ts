import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTokenNotFoundError } from '../../../domain/account.errors.js';
import { API_TOKEN_REPOSITORY, AUDIT_LOG } from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { ApiTokenRepository } from '../../ports/api-token-repository.port.js';
import { RevokeApiTokenCommand } from './revoke-api-token.command.js';

@CommandHandler(RevokeApiTokenCommand)
export class RevokeApiTokenHandler implements ICommandHandler<RevokeApiTokenCommand> {
  constructor(
    @Inject(API_TOKEN_REPOSITORY) private readonly tokens: ApiTokenRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async execute(command: RevokeApiTokenCommand): Promise<void> {
    const revoked = await this.tokens.revokeNamed(command.tenantId, command.memberId, command.id, new Date());
    if (!revoked) {
      throw new ApiTokenNotFoundError(command.id);
    }
    await this.audit.record({
      tenantId: command.tenantId,
      workspaceId: null,
      actorId: command.memberId,
      action: 'api-token.revoked',
      objectType: 'api-token',
      objectId: command.id,
      details: {},
    });
  }
}
