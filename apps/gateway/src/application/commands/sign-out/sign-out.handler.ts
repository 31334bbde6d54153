import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiToken } from '../../../domain/api-token.value-object.js';
import { API_TOKEN_REPOSITORY } from '../../../gateway.tokens.js';
import type { ApiTokenRepository } from '../../ports/api-token-repository.port.js';
import { SignOutCommand } from './sign-out.command.js';

@CommandHandler(SignOutCommand)
export class SignOutHandler implements ICommandHandler<SignOutCommand> {
  constructor(@Inject(API_TOKEN_REPOSITORY) private readonly tokens: ApiTokenRepository) {}

  async execute(command: SignOutCommand): Promise<void> {
    await this.tokens.revoke(ApiToken.hashOf(command.token), new Date());
  }
}
