import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { ApiToken } from '../../../domain/api-token.value-object.js';
import { API_TOKEN_REPOSITORY, AUDIT_LOG } from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { ApiTokenRepository } from '../../ports/api-token-repository.port.js';
import { CreateApiTokenCommand, type CreatedApiToken } from './create-api-token.command.js';

@CommandHandler(CreateApiTokenCommand)
export class CreateApiTokenHandler implements ICommandHandler<CreateApiTokenCommand> {
  constructor(
    @Inject(API_TOKEN_REPOSITORY) private readonly tokens: ApiTokenRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: CreateApiTokenCommand): Promise<CreatedApiToken> {
    const now = new Date();
    const token = ApiToken.issue();
    const created = {
      id: uuidv7(),
      name: command.name,
      scopes: command.scopes,
      createdAt: now,
      expiresAt: ApiToken.expiryFrom(now, command.expiresInDays),
    };
    await this.tokens.add({
      ...created,
      hash: token.hash,
      kind: 'named',
      tenantId: command.tenantId,
      memberId: command.memberId,
    });
    await this.audit.record({
      tenantId: command.tenantId,
      workspaceId: null,
      actorId: command.memberId,
      action: 'api-token.created',
      objectType: 'api-token',
      objectId: created.id,
      details: { name: command.name, scopes: command.scopes === null ? null : [...command.scopes] },
    });
    this.logger.write('info', 'API token created', { userId: command.memberId, apiTokenId: created.id });
    return { ...created, token: token.secret };
  }
}
