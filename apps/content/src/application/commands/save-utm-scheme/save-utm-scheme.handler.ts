import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkUtmScheme, type UtmScheme } from '../../../domain/utm-scheme.value-object.js';
import { UTM_SCHEME_REPOSITORY } from '../../../content.tokens.js';
import type { UtmSchemeRepository } from '../../ports/utm-scheme-repository.port.js';
import { SaveUtmSchemeCommand } from './save-utm-scheme.command.js';

@CommandHandler(SaveUtmSchemeCommand)
export class SaveUtmSchemeHandler implements ICommandHandler<SaveUtmSchemeCommand> {
  constructor(@Inject(UTM_SCHEME_REPOSITORY) private readonly schemes: UtmSchemeRepository) {}

  async execute(command: SaveUtmSchemeCommand): Promise<UtmScheme> {
    const scheme = checkUtmScheme(command.scheme);
    await this.schemes.save(command.tenantId, command.workspaceId, scheme, command.by);
    return scheme;
  }
}
