import { fakeFindUrls } from './x-fake-urls.js';

/**
 * The fake's own reading of twitter-text's weighted length (config v3): code points in the Latin-1 to Tibetan
 * range and some punctuation weigh 1, the rest 2, an emoji grapheme 2, each URL 23, with or without a scheme,
 * after NFC normalisation. Written apart from the SDK so that the connector's counting is checked against a
 * second implementation.
 */
const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const URL_WEIGHT = 23;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export const MAX_WEIGHTED_LENGTH = 280;

export function weightedLength(text: string): number {
  let total = 0;
  const normalized = text.normalize('NFC');
  let withoutUrls = '';
  let from = 0;
  for (const { url, start } of fakeFindUrls(normalized)) {
    total += URL_WEIGHT;
    withoutUrls += normalized.slice(from, start);
    from = start + url.length;
  }
  withoutUrls += normalized.slice(from);
  for (const { segment } of segmenter.segment(withoutUrls)) {
    if (EMOJI.test(segment)) {
      total += 2;
      continue;
    }
    for (const char of segment) {
      const code = char.codePointAt(0)!;
      total += LIGHT_RANGES.some(([from, to]) => code >= from && code <= to) ? 1 : 2;
    }
  }
  return total;
}

export function cashtagCount(text: string): number {
  return (text.match(/(^|\s)\$[A-Za-z]{1,6}\b/gu) ?? []).length;
}
