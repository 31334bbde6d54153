import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { InvalidCredentialsError } from '../../../domain/account.errors.js';
import { ApiToken } from '../../../domain/api-token.value-object.js';
import { PasswordHash } from '../../../domain/password-hash.value-object.js';
import { ACCOUNT_REPOSITORY, API_TOKEN_REPOSITORY } from '../../../gateway.tokens.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import type { ApiTokenRepository } from '../../ports/api-token-repository.port.js';
import { SignInCommand, type SignInResult } from './sign-in.command.js';

@CommandHandler(SignInCommand)
export class SignInHandler implements ICommandHandler<SignInCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(API_TOKEN_REPOSITORY) private readonly tokens: ApiTokenRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: SignInCommand): Promise<SignInResult> {
    const member = await this.accounts.findMemberByEmail(command.email);
    if (member === null) {
      await PasswordHash.burnEquivalentTime(command.password);
      throw new InvalidCredentialsError();
    }
    if (!(await member.checkPassword(command.password))) {
      this.logger.write('warn', 'sign-in refused', { userId: member.id });
      throw new InvalidCredentialsError();
    }
    const now = new Date();
    const token = ApiToken.issue();
    const expiresAt = ApiToken.expiryFrom(now);
    const { tenantId } = member.snapshot();
    await this.tokens.add({ hash: token.hash, tenantId, memberId: member.id, createdAt: now, expiresAt });
    this.logger.write('info', 'signed in', { userId: member.id });
    return { userId: member.id, token: token.secret, expiresAt };
  }
}
