import { Query } from '@nestjs/cqrs';
import type { BrandVoice } from '../../../domain/brand-voice.value-object.js';

export class GetBrandVoiceQuery extends Query<BrandVoice | null> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
