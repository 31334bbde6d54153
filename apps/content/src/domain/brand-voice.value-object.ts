/** The brand's voice rules as content keeps them, from the strategy service's BrandVoiceChanged events. */
export interface BrandVoice {
  readonly identityVersion: number;
  readonly wordsToAvoid: readonly string[];
  /** Without the leading #. */
  readonly requiredHashtags: readonly string[];
  readonly maxHashtagsPerPost: number | null;
  readonly hashtagPlacement: 'anywhere' | 'end-of-text' | 'first-comment';
  readonly maxLengthGuidance: number | null;
}
