import { countGraphemes } from '@chorus/connector-sdk';
import { findAvoidedWords } from './avoided-words.value-object.js';
import type { BrandVoice } from './brand-voice.value-object.js';

/**
 * The rule (docs/adr/0016): a finding is `blocking` when the brand said "never" (a word to avoid, a required
 * hashtag missing): such a post can be saved as a draft but not scheduled. It is a `warning` when the brand gave
 * guidance (length, number of hashtags): shown to the writer, never in the way.
 */
export type VoiceSeverity = 'blocking' | 'warning';

export interface VoiceFinding {
  readonly rule: 'word-to-avoid' | 'required-hashtag' | 'length-guidance' | 'hashtag-count';
  readonly severity: VoiceSeverity;
  readonly message: string;
}

const HASHTAG = /(?<![\p{L}\p{N}_&])#([\p{L}\p{M}\p{N}_]+)/gu;

export function hashtagsOf(text: string): string[] {
  return [...text.normalize('NFC').matchAll(HASHTAG)].map((m) => m[1]!.toLowerCase());
}

/** Checks one target's text (and its first comment, where the brand may put hashtags) against the voice. */
export function checkBrandVoice(
  text: string,
  firstComment: string | null,
  voice: BrandVoice,
): VoiceFinding[] {
  const findings: VoiceFinding[] = [];
  const everything = firstComment === null ? text : `${text}\n${firstComment}`;
  for (const match of findAvoidedWords(everything, voice.wordsToAvoid)) {
    findings.push({
      rule: 'word-to-avoid',
      severity: 'blocking',
      message: `"${match.found}" is on the brand's list of words to avoid ("${match.word}")`,
    });
  }
  const hashtagSource = voice.hashtagPlacement === 'first-comment' ? (firstComment ?? '') : text;
  const present = new Set(hashtagsOf(everything));
  const placed = new Set(hashtagsOf(hashtagSource));
  for (const required of voice.requiredHashtags) {
    const tag = required.normalize('NFC').toLowerCase();
    if (!present.has(tag)) {
      findings.push({
        rule: 'required-hashtag',
        severity: 'blocking',
        message: `the brand requires #${required} on every post`,
      });
    } else if (!placed.has(tag)) {
      findings.push({
        rule: 'required-hashtag',
        severity: 'warning',
        message: `the brand places hashtags in the first comment; #${required} is in the text`,
      });
    }
  }
  const count = hashtagsOf(everything).length;
  if (voice.maxHashtagsPerPost !== null && count > voice.maxHashtagsPerPost) {
    findings.push({
      rule: 'hashtag-count',
      severity: 'warning',
      message: `${count} hashtags; the brand uses at most ${voice.maxHashtagsPerPost} per post`,
    });
  }
  const length = countGraphemes(text);
  if (voice.maxLengthGuidance !== null && length > voice.maxLengthGuidance) {
    findings.push({
      rule: 'length-guidance',
      severity: 'warning',
      message: `${length} characters; the brand prefers at most ${voice.maxLengthGuidance}`,
    });
  }
  return findings;
}
