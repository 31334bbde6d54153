import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BRAND_VOICE_STORE } from '../../../content.tokens.js';
import type { BrandVoiceStore } from '../../ports/brand-voice-store.port.js';
import { KeepBrandVoiceCommand } from './keep-brand-voice.command.js';

@CommandHandler(KeepBrandVoiceCommand)
export class KeepBrandVoiceHandler implements ICommandHandler<KeepBrandVoiceCommand> {
  constructor(@Inject(BRAND_VOICE_STORE) private readonly store: BrandVoiceStore) {}

  async execute(command: KeepBrandVoiceCommand): Promise<void> {
    await this.store.keep(command.tenantId, command.workspaceId, command.voice);
  }
}
