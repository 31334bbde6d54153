import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { Agency } from '../../../domain/agency.aggregate.js';
import { ApiToken } from '../../../domain/api-token.value-object.js';
import { PasswordHash } from '../../../domain/password-hash.value-object.js';
import { ACCOUNT_REPOSITORY, API_TOKEN_REPOSITORY } from '../../../gateway.tokens.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import type { ApiTokenRepository } from '../../ports/api-token-repository.port.js';
import { SignUpCommand, type SignUpResult } from './sign-up.command.js';

@CommandHandler(SignUpCommand)
export class SignUpHandler implements ICommandHandler<SignUpCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(API_TOKEN_REPOSITORY) private readonly tokens: ApiTokenRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: SignUpCommand): Promise<SignUpResult> {
    const now = new Date();
    const { data } = command;
    const { agency, workspace, admin } = Agency.found(
      {
        ids: { agency: uuidv7(), workspace: uuidv7(), member: uuidv7() },
        agencyName: data.agencyName,
        workspaceName: data.workspaceName,
        name: data.name,
        email: data.email,
        passwordHash: await PasswordHash.of(data.password),
      },
      now,
    );
    await this.accounts.addAgency(agency, workspace, admin);
    const token = ApiToken.issue();
    const expiresAt = ApiToken.expiryFrom(now);
    await this.tokens.add({
      id: uuidv7(),
      hash: token.hash,
      kind: 'sign-in',
      name: null,
      scopes: null,
      tenantId: agency.id,
      memberId: admin.id,
      createdAt: now,
      expiresAt,
    });
    this.logger.write('info', 'agency signed up', {
      agencyId: agency.id,
      workspaceId: workspace.id,
      userId: admin.id,
    });
    return {
      agencyId: agency.id,
      workspaceId: workspace.id,
      userId: admin.id,
      token: token.secret,
      expiresAt,
    };
  }
}
