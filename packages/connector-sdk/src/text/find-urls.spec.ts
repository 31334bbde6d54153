import { describe, expect, it } from 'vitest';
import { countText } from './count-text.js';
import { findUrls } from './find-urls.js';

const urls = (text: string) => findUrls(text, { schemeless: true }).map((match) => match.url);

describe('findUrls with scheme-less URLs (twitter-text)', () => {
  it('finds a bare domain, www. and a path, without trailing punctuation', () => {
    expect(urls('see example.com.')).toEqual(['example.com']);
    expect(urls('go to www.x.co/p, now!')).toEqual(['www.x.co/p']);
    expect(urls('(docs at example.org/a)')).toEqual(['example.org/a']);
    expect(urls('EXAMPLE.COM and news.example.co.uk')).toEqual(['EXAMPLE.COM', 'news.example.co.uk']);
  });

  it('keeps a scheme URL whole and finds nothing twice', () => {
    expect(urls('https://example.com/a and example.net')).toEqual(['https://example.com/a', 'example.net']);
  });

  it('is not fooled by e-mails, cashtags, file names or a bare country-code domain', () => {
    expect(urls('mail me@example.com')).toEqual([]);
    expect(urls('read file.txt and notes.md then example.jp')).toEqual([]);
    expect(urls('example.jp/path, www.example.jp and t.co')).toEqual([
      'example.jp/path',
      'www.example.jp',
      't.co',
    ]);
    expect(urls('e.g. i.e. 3.14 version1.2')).toEqual([]);
  });

  it('is off unless asked', () => {
    expect(findUrls('example.com')).toEqual([]);
  });
});

describe('countText with schemelessUrls and NFC', () => {
  const rule = { counting: 'graphemes' as const, urlLength: 23, schemelessUrls: true };

  it('counts a scheme-less URL as the fixed length', () => {
    expect(countText('see example.com/a/very/long/path/indeed/yes.', rule)).toBe('see '.length + 23 + 1);
    expect(countText('see example.com', { counting: 'graphemes', urlLength: 23 })).toBe(
      'see example.com'.length,
    );
  });

  it('normalizes to NFC before counting when the rule says so', () => {
    const decomposed = 'e\u0301'.repeat(3);
    expect(countText(decomposed, { counting: 'utf16' })).toBe(6);
    expect(countText(decomposed, { counting: 'utf16', normalization: 'NFC' })).toBe(3);
  });
});
