export type EmojiPolicy = 'avoid' | 'sparingly' | 'freely';
export type HashtagPlacement = 'anywhere' | 'end-of-text' | 'first-comment';

/** How the brand sounds; content checks drafts against the mechanical parts (words, hashtags, emoji, length). */
export interface BrandVoice {
  readonly toneAdjectives: readonly string[];
  /** Sentences that show the voice done right, and wrong: for people (and a writing assistant later). */
  readonly doExamples: readonly string[];
  readonly dontExamples: readonly string[];
  readonly wordsToUse: readonly string[];
  readonly wordsToAvoid: readonly string[];
  readonly emojiPolicy: EmojiPolicy;
  readonly hashtagPolicy: {
    readonly maxPerPost: number | null;
    readonly placement: HashtagPlacement;
    /** Without the leading #. */
    readonly required: readonly string[];
  };
  /** Preferred maximum post length in characters, softer than a network's own limit. */
  readonly maxLengthGuidance: number | null;
}

/** The parts of the voice the content service checks mechanically (what BrandVoiceChanged v1 carries). */
export function checkedVoiceRules(voice: BrandVoice): unknown {
  return {
    toneAdjectives: voice.toneAdjectives,
    wordsToUse: voice.wordsToUse,
    wordsToAvoid: voice.wordsToAvoid,
    emojiPolicy: voice.emojiPolicy,
    hashtagPolicy: voice.hashtagPolicy,
    maxLengthGuidance: voice.maxLengthGuidance,
  };
}
