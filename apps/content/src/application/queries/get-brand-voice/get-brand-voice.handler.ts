import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BrandVoice } from '../../../domain/brand-voice.value-object.js';
import { BRAND_VOICE_STORE } from '../../../content.tokens.js';
import type { BrandVoiceStore } from '../../ports/brand-voice-store.port.js';
import { GetBrandVoiceQuery } from './get-brand-voice.query.js';

@QueryHandler(GetBrandVoiceQuery)
export class GetBrandVoiceHandler implements IQueryHandler<GetBrandVoiceQuery> {
  constructor(@Inject(BRAND_VOICE_STORE) private readonly store: BrandVoiceStore) {}

  execute(query: GetBrandVoiceQuery): Promise<BrandVoice | null> {
    return this.store.find(query.tenantId, query.workspaceId);
  }
}
