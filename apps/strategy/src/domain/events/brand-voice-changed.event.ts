import type { BrandIdentityProps } from '../brand-identity.aggregate.js';

/** A saved identity version changed the voice rules (or is the first); becomes BrandVoiceChanged v1. */
export class BrandVoiceChangedEvent {
  constructor(readonly identity: BrandIdentityProps) {}
}
