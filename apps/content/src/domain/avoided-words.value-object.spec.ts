import { describe, expect, it } from 'vitest';
import { findAvoidedWords } from './avoided-words.value-object.js';

const found = (text: string, words: string[]) => findAvoidedWords(text, words).map((m) => m.found);

describe('findAvoidedWords', () => {
  it('finds whole words, whatever their case, and not inside longer words', () => {
    expect(found('Cheap beans? CHEAP! Not the cheapest.', ['cheap'])).toEqual(['Cheap', 'CHEAP']);
    expect(found('a bargain-hunter', ['bargain'])).toEqual(['bargain']);
  });

  it('finds phrases across any whitespace', () => {
    expect(found('the best\ncoffee ever', ['best coffee'])).toEqual(['best\ncoffee']);
  });

  it('finds a Hebrew word with one prefix letter attached: ו ה ב ל מ ש כ', () => {
    for (const prefix of ['ו', 'ה', 'ב', 'ל', 'מ', 'ש', 'כ']) {
      expect(found(`קפה ${prefix}זול היום`, ['זול'])).toEqual([`${prefix}זול`]);
    }
  });

  it('finds a Hebrew word with combined prefixes (וה, שב, וכש) and alone', () => {
    expect(found('והזול, שבזול וכשזול; זול.', ['זול'])).toEqual(['והזול', 'שבזול', 'וכשזול', 'זול']);
  });

  it('does not take other Hebrew letters for a prefix, nor a suffix for the word', () => {
    expect(found('אזול תזול זולים', ['זול'])).toEqual([]);
  });

  it('finds an Italian word after an elided article or preposition, with either apostrophe', () => {
    expect(found("L'offerta scade; dell’offerta resta poco; un'offerta", ['offerta'])).toEqual([
      'offerta',
      'offerta',
      'offerta',
    ]);
    expect(found("Approfitta dell'occasione", ["l'occasione"])).toEqual([]);
    expect(found("Approfitta dell’occasione e l'occasione", ["dell'occasione"])).toEqual(["dell'occasione"]);
  });

  it('treats composed and decomposed accents alike', () => {
    expect(found('un cafe\u0301 economico', ['cafe\u0301', 'economico'])).toEqual(['café', 'economico']);
  });
});
