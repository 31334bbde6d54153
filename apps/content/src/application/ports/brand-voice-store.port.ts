import type { BrandVoice } from '../../domain/brand-voice.value-object.js';

export interface BrandVoiceStore {
  /** Keeps the copy unless the one held is as new or newer (events may arrive twice or out of order). */
  keep(tenantId: string, workspaceId: string, voice: BrandVoice): Promise<void>;
  find(tenantId: string, workspaceId: string): Promise<BrandVoice | null>;
}
