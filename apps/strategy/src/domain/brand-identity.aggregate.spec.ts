import { describe, expect, it } from 'vitest';
import { BrandIdentity, type BrandIdentityContent } from './brand-identity.aggregate.js';
import { BrandVoiceChangedEvent } from './events/brand-voice-changed.event.js';
import { InvalidStrategyInputError } from './strategy.errors.js';

const who = { tenantId: 't', workspaceId: 'w', createdBy: 'u' };
const content: BrandIdentityContent = {
  brandName: 'Acme Coffee',
  mission: 'Good coffee for every desk',
  valueProposition: 'Roasted this week, delivered next day',
  differentiators: ['Own roastery'],
  voice: {
    toneAdjectives: ['warm', 'direct'],
    doExamples: ['Fresh beans, no fuss.'],
    dontExamples: ['BEST COFFEE EVER!!!'],
    wordsToUse: ['fresh'],
    wordsToAvoid: ['cheap'],
    emojiPolicy: 'sparingly',
    hashtagPolicy: { maxPerPost: 3, placement: 'end-of-text', required: ['acmecoffee'] },
    maxLengthGuidance: 280,
  },
};

describe('BrandIdentity', () => {
  it('starts at version 1 and records BrandVoiceChanged', () => {
    const first = BrandIdentity.saveVersion(null, { ...content, ...who }, new Date());
    expect(first.snapshot().version).toBe(1);
    expect(first.pendingEvents()).toEqual([new BrandVoiceChangedEvent(first.snapshot())]);
  });

  it('makes every save a new version, and records BrandVoiceChanged only when the checked voice rules change', () => {
    const v1 = BrandIdentity.saveVersion(null, { ...content, ...who }, new Date()).snapshot();
    const missionOnly = BrandIdentity.saveVersion(
      v1,
      { ...content, ...who, mission: 'Better coffee' },
      new Date(),
    );
    expect(missionOnly.snapshot().version).toBe(2);
    expect(missionOnly.pendingEvents()).toEqual([]);
    const examplesOnly = BrandIdentity.saveVersion(
      missionOnly.snapshot(),
      { ...content, ...who, voice: { ...content.voice, doExamples: ['Another example'] } },
      new Date(),
    );
    expect(examplesOnly.pendingEvents()).toEqual([]);
    const avoid = BrandIdentity.saveVersion(
      examplesOnly.snapshot(),
      { ...content, ...who, voice: { ...content.voice, wordsToAvoid: ['cheap', 'bargain'] } },
      new Date(),
    );
    expect(avoid.snapshot().version).toBe(4);
    expect(avoid.pendingEvents()).toHaveLength(1);
  });

  it('refuses a word both to use and to avoid, and more required hashtags than allowed', () => {
    const save = (voice: BrandIdentityContent['voice']) => () =>
      BrandIdentity.saveVersion(null, { ...content, ...who, voice }, new Date());
    expect(save({ ...content.voice, wordsToAvoid: ['Fresh'] })).toThrow(
      new InvalidStrategyInputError(
        'voice.wordsToAvoid',
        "'Fresh' is also in wordsToUse; keep it in one list",
      ),
    );
    expect(
      save({ ...content.voice, hashtagPolicy: { maxPerPost: 0, placement: 'anywhere', required: ['acme'] } }),
    ).toThrow(/voice\.hashtagPolicy\.maxPerPost/);
  });
});
