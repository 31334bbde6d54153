import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AudienceProps } from '../../../domain/audience.aggregate.js';
import { StrategyNotFoundError } from '../../../domain/strategy.errors.js';
import { AUDIENCE_REPOSITORY } from '../../../strategy.tokens.js';
import type { AudienceRepository } from '../../ports/audience-repository.port.js';
import { ReplaceAudienceCommand } from './replace-audience.command.js';

@CommandHandler(ReplaceAudienceCommand)
export class ReplaceAudienceHandler implements ICommandHandler<ReplaceAudienceCommand> {
  constructor(@Inject(AUDIENCE_REPOSITORY) private readonly audiences: AudienceRepository) {}

  async execute(command: ReplaceAudienceCommand): Promise<AudienceProps> {
    const audience = await this.audiences.findById(command.tenantId, command.workspaceId, command.audienceId);
    if (audience === null) {
      throw new StrategyNotFoundError(`No audience ${command.audienceId} in this workspace`);
    }
    audience.replace(command.content, new Date());
    await this.audiences.save(audience);
    return audience.snapshot();
  }
}
