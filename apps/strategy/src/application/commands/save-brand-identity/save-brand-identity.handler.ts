import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { BrandIdentity, type BrandIdentityProps } from '../../../domain/brand-identity.aggregate.js';
import { BRAND_IDENTITY_REPOSITORY } from '../../../strategy.tokens.js';
import type { BrandIdentityRepository } from '../../ports/brand-identity-repository.port.js';
import { SaveBrandIdentityCommand } from './save-brand-identity.command.js';

@CommandHandler(SaveBrandIdentityCommand)
export class SaveBrandIdentityHandler implements ICommandHandler<SaveBrandIdentityCommand> {
  constructor(
    @Inject(BRAND_IDENTITY_REPOSITORY) private readonly identities: BrandIdentityRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: SaveBrandIdentityCommand): Promise<BrandIdentityProps> {
    const previous = await this.identities.latest(command.tenantId, command.workspaceId);
    const identity = BrandIdentity.saveVersion(
      previous,
      {
        ...command.content,
        tenantId: command.tenantId,
        workspaceId: command.workspaceId,
        createdBy: command.savedBy,
      },
      new Date(),
    );
    const voiceChanged = identity.pendingEvents().length > 0;
    await this.identities.addVersion(identity);
    this.logger.write('info', 'brand identity saved', { version: identity.snapshot().version, voiceChanged });
    return identity.snapshot();
  }
}
