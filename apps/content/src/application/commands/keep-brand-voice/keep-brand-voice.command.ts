import { Command } from '@nestjs/cqrs';
import type { BrandVoice } from '../../../domain/brand-voice.value-object.js';

export class KeepBrandVoiceCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly voice: BrandVoice,
  ) {
    super();
  }
}
