import { describe, expect, it } from 'vitest';
import { countGraphemes, countText } from './count-text.js';

const xWeights = {
  default: 2,
  emoji: 2,
  ranges: [
    { from: 0, to: 4351, weight: 1 },
    { from: 8192, to: 8205, weight: 1 },
    { from: 8208, to: 8223, weight: 1 },
    { from: 8242, to: 8247, weight: 1 },
  ],
};

describe('countText', () => {
  it('counts user-perceived characters as graphemes', () => {
    // thumbs up + skin tone, a family joined by ZWJ, e + combining acute accent: three characters.
    const text = '👍🏽👨‍👩‍👧e\u0301';
    expect(countText(text, { counting: 'graphemes' })).toBe(3);
    expect(countText(text, { counting: 'utf16' })).toBe(text.length);
    expect(countText(text, { counting: 'utf8-bytes' })).toBe(Buffer.byteLength(text));
  });

  it('counts plain ASCII as the segmenter does, CR LF as one character', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const bySegmenter = (text: string) => [...segmenter.segment(text)].length;
    const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join('');
    for (const text of [
      '',
      'Hello, world!',
      'line one\nline two\ttab',
      'a\r\nb',
      'a\rb\n\r',
      ascii,
      'café',
    ]) {
      expect(countGraphemes(text)).toBe(bySegmenter(text));
    }
    expect(countGraphemes('a\r\nb')).toBe(3);
  });

  it('counts X-style weights: Latin 1, CJK 2, an emoji 2 whatever its code points', () => {
    expect(countText('abc', { counting: 'weighted', weights: xWeights })).toBe(3);
    expect(countText('日本', { counting: 'weighted', weights: xWeights })).toBe(4);
    expect(countText('👨‍👩‍👧', { counting: 'weighted', weights: xWeights })).toBe(2);
  });

  it("counts an emoji by its UTF-8 length when the weight says 'utf8-bytes' (Threads), flags and keycaps included", () => {
    const threads = {
      counting: 'weighted' as const,
      weights: { default: 1, ranges: [], emoji: 'utf8-bytes' as const },
    };
    expect(countText('😀', threads)).toBe(4);
    expect(countText('❤️', threads)).toBe(6);
    expect(countText('👨‍👩‍👧', threads)).toBe(18);
    expect(countText('🇮🇹', threads)).toBe(8);
    expect(countText('1️⃣', threads)).toBe(7);
    expect(countText('日本e\u0301', threads)).toBe(4);
    expect(countText('🇮🇹', { counting: 'weighted', weights: xWeights })).toBe(2);
  });

  it('counts every URL as the declared fixed length', () => {
    const rule = { counting: 'graphemes' as const, urlLength: 23 };
    const url = 'https://example.com/a/very/long/path/that/is/longer/than/twenty-three';
    expect(countText(`see ${url}.`, rule)).toBe('see '.length + 23 + '.'.length);
    expect(countText('http://a.b', rule)).toBe(23);
    expect(countText('(see https://x.y/a)', rule)).toBe('(see '.length + 23 + ')'.length);
  });

  it('counts a remote mention without its domain when the network does (Mastodon)', () => {
    const text = 'hi @alice@example.social and alice@example.com';
    expect(countText(text, { counting: 'graphemes', ignoreMentionDomains: true })).toBe(
      'hi @alice and alice@example.com'.length,
    );
    expect(countText(text, { counting: 'graphemes' })).toBe(text.length);
  });
});
