import type { CharacterWeights, CountingMethod, TextRule } from '../manifest/text-rule.schema.js';
import { findUrls } from './find-urls.js';

// TextEncoder, not node:buffer: the console counts with this module in the browser too.
const utf8 = new TextEncoder();
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
// Pictographs, flags (regional indicator pairs) and keycaps (1️⃣): what networks count as one emoji.
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
const REMOTE_MENTION = /(^|[^\p{L}\p{N}_@/])(@[\p{L}\p{N}_]+)@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

type RuleLike = Pick<TextRule, 'counting'> &
  Partial<
    Pick<TextRule, 'urlLength' | 'schemelessUrls' | 'normalization' | 'ignoreMentionDomains' | 'weights'>
  >;

/** The length of a text as the network counts it, per one of the manifest's text rules. */
export function countText(original: string, rule: RuleLike): number {
  const text = rule.normalization ? original.normalize(rule.normalization) : original;
  let rest = text;
  let fixed = 0;
  if (rule.urlLength !== undefined) {
    const urls = findUrls(text, { schemeless: rule.schemelessUrls });
    fixed = urls.length * rule.urlLength;
    // Remove URLs from the end so that earlier offsets stay valid.
    for (const url of [...urls].reverse()) {
      rest = rest.slice(0, url.start) + rest.slice(url.end);
    }
  }
  if (rule.ignoreMentionDomains) {
    rest = rest.replace(REMOTE_MENTION, '$1$2');
  }
  return fixed + countUnits(rest, rule.counting, rule.weights);
}

function countUnits(text: string, method: CountingMethod, weights: CharacterWeights | undefined): number {
  switch (method) {
    case 'graphemes':
      return countGraphemes(text);
    case 'utf16':
      return text.length;
    case 'utf8-bytes':
      return utf8.encode(text).length;
    case 'weighted':
      return countWeighted(text, weights ?? { default: 1, ranges: [] });
  }
}

// Printable ASCII, tabs and line feeds: every character is its own grapheme (UAX #29; CR LF, the one ASCII
// pair that joins, is left to the segmenter).
const ONE_GRAPHEME_EACH = /^[\t\n\x20-\x7e]*$/u;

export function countGraphemes(text: string): number {
  if (ONE_GRAPHEME_EACH.test(text)) {
    // The segmenter costs microseconds a character; publishing counts every post's text.
    return text.length;
  }
  let total = 0;
  for (const _segment of graphemes.segment(text)) {
    total += 1;
  }
  return total;
}

function countWeighted(text: string, weights: CharacterWeights): number {
  let total = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (weights.emoji !== undefined && EMOJI.test(segment)) {
      total += weights.emoji === 'utf8-bytes' ? utf8.encode(segment).length : weights.emoji;
      continue;
    }
    for (const character of segment) {
      total += weightOf(character.codePointAt(0) ?? 0, weights);
    }
  }
  return total;
}

function weightOf(codePoint: number, weights: CharacterWeights): number {
  const range = weights.ranges.find((candidate) => codePoint >= candidate.from && codePoint <= candidate.to);
  return range ? range.weight : weights.default;
}

/** The unit a method counts, for messages a person reads. */
export function unitName(method: CountingMethod): string {
  switch (method) {
    case 'graphemes':
      return 'characters';
    case 'utf16':
      return 'UTF-16 code units';
    case 'utf8-bytes':
      return 'bytes';
    case 'weighted':
      return 'weighted characters';
  }
}
