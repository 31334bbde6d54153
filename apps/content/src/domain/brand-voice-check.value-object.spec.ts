import { describe, expect, it } from 'vitest';
import { checkBrandVoice, hashtagsOf } from './brand-voice-check.value-object.js';
import type { BrandVoice } from './brand-voice.value-object.js';

const voice: BrandVoice = {
  identityVersion: 3,
  wordsToAvoid: ['cheap', 'זול'],
  requiredHashtags: ['AcmeCoffee'],
  maxHashtagsPerPost: 2,
  hashtagPlacement: 'end-of-text',
  maxLengthGuidance: 40,
};

const summary = (text: string, comment: string | null = null, v = voice) =>
  checkBrandVoice(text, comment, v).map((f) => [f.rule, f.severity]);

describe('checkBrandVoice', () => {
  it('passes a post that follows every rule', () => {
    expect(summary('Fresh beans. #acmecoffee')).toEqual([]);
  });

  it('blocks on a word to avoid and on a missing required hashtag', () => {
    expect(summary('Cheap beans')).toEqual([
      ['word-to-avoid', 'blocking'],
      ['required-hashtag', 'blocking'],
    ]);
    expect(checkBrandVoice('קפה והזול #AcmeCoffee', null, voice)[0]!.message).toContain('"והזול"');
  });

  it('warns on guidance: length, and too many hashtags', () => {
    expect(
      summary('Fresh beans from our roastery, every week, to your desk #acmecoffee #beans #desk'),
    ).toEqual([
      ['hashtag-count', 'warning'],
      ['length-guidance', 'warning'],
    ]);
  });

  it('looks for hashtags in the first comment when the brand puts them there', () => {
    const inComment = { ...voice, hashtagPlacement: 'first-comment' as const };
    expect(summary('Fresh beans', '#acmecoffee', inComment)).toEqual([]);
    expect(summary('Fresh beans #acmecoffee', null, inComment)).toEqual([['required-hashtag', 'warning']]);
  });

  it('reads hashtags in any script, not inside words or URLs with anchors', () => {
    expect(hashtagsOf('#קפה #Caffè a#b https://x.test/#frag &#35;')).toEqual(['קפה', 'caffè', 'frag']);
  });
});
