// Finds a brand's words to avoid in a post, the way a reader would see them:
// - case and Unicode form do not matter; typographic apostrophes count as straight ones;
// - a word is whole: "cheap" is not found in "cheapest" (a brand that wants both lists both);
// - in Hebrew, one to three of the prefix letters ו ה ב ל מ ש כ may be attached in front ("והזול", "שבזול");
// - in Italian and French, an elided article or preposition may be attached with an apostrophe
//   ("l'offerta", "dell'offerta"): the apostrophe is not a letter, so the word after it starts a word.

const HEBREW_PREFIXES = '[והבלמשכ]{1,3}';
const HEBREW_LETTER = /\p{Script=Hebrew}/u;

export interface AvoidedWordMatch {
  readonly word: string;
  /** The text as found (prefix included), in composed Unicode form with straight apostrophes. */
  readonly found: string;
  /** Where, in that normalised text. */
  readonly index: number;
}

export function normaliseForMatching(text: string): string {
  return text.normalize('NFC').replace(/[\u2019\u02BC\u2018`´]/g, "'");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternFor(word: string): RegExp {
  const phrase = normaliseForMatching(word.trim()).split(/\s+/).map(escapeRegExp).join('\\s+');
  const prefix = HEBREW_LETTER.test(word) ? `(?:${HEBREW_PREFIXES})?` : '';
  // Not preceded or followed by a letter, mark or digit: a whole word.
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${prefix}${phrase}(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
}

/** Every occurrence of every word to avoid, in the order of the list, then of the text. */
export function findAvoidedWords(text: string, words: readonly string[]): AvoidedWordMatch[] {
  const normalised = normaliseForMatching(text);
  const matches: AvoidedWordMatch[] = [];
  for (const word of words) {
    if (word.trim() === '') {
      continue;
    }
    for (const match of normalised.matchAll(patternFor(word))) {
      matches.push({ word, found: match[0], index: match.index });
    }
  }
  return matches;
}
