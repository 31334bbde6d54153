import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { Audience, type AudienceProps } from '../../../domain/audience.aggregate.js';
import { AUDIENCE_REPOSITORY } from '../../../strategy.tokens.js';
import type { AudienceRepository } from '../../ports/audience-repository.port.js';
import { CreateAudienceCommand } from './create-audience.command.js';

@CommandHandler(CreateAudienceCommand)
export class CreateAudienceHandler implements ICommandHandler<CreateAudienceCommand> {
  constructor(@Inject(AUDIENCE_REPOSITORY) private readonly audiences: AudienceRepository) {}

  async execute(command: CreateAudienceCommand): Promise<AudienceProps> {
    const audience = Audience.create(
      { ...command.content, id: uuidv7(), tenantId: command.tenantId, workspaceId: command.workspaceId },
      new Date(),
    );
    await this.audiences.save(audience);
    return audience.snapshot();
  }
}
