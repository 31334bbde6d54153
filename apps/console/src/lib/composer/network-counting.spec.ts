import { describe, expect, it } from 'vitest';
import { countFor, isOver } from './network-counting';

const length = (network: string, text: string, rule = 0) => countFor(network, text)[rule]!.length;

describe('counting a text the way each network counts it', () => {
  it('X: weighted characters, every URL (with or without a scheme) as 23, emoji and CJK as 2', () => {
    expect(length('x-twitter', 'hello')).toBe(5);
    expect(length('x-twitter', 'see https://example.com/a/very/long/path?with=query')).toBe(4 + 23);
    expect(length('x-twitter', 'see example.com/page.')).toBe(4 + 23 + 1);
    expect(length('x-twitter', '日本')).toBe(4);
    expect(length('x-twitter', '👍🏽')).toBe(2);
    expect(length('x-twitter', 'é'.normalize('NFD'))).toBe(1);
    // A closing parenthesis the URL did not open is text (the SDK's URL finder, as twitter-text).
    expect(length('x-twitter', '(see https://x.co/a)')).toBe('(see '.length + 23 + ')'.length);
    expect(countFor('x-twitter', 'a'.repeat(280))).toEqual([{ counting: 'weighted', length: 280, max: 280 }]);
    expect(isOver(countFor('x-twitter', 'a'.repeat(281)))).toBe(true);
  });

  it('Bluesky: graphemes (a family emoji is one) and at most 3,000 bytes', () => {
    expect(countFor('bluesky', '👨‍👩‍👧 hi')).toEqual([
      { counting: 'graphemes', length: 4, max: 300 },
      { counting: 'utf8-bytes', length: 21, max: 3000 },
    ]);
    expect(length('bluesky', 'https://example.com/a/long/path')).toBe(31);
    expect(isOver(countFor('bluesky', 'a'.repeat(301)))).toBe(true);
    expect(isOver(countFor('bluesky', 'a'.repeat(300)))).toBe(false);
    expect(isOver(countFor('bluesky', '€'.repeat(1001)))).toBe(true);
  });

  it('Mastodon: graphemes, URLs as 23, a remote mention as its local part', () => {
    expect(length('mastodon', 'read https://example.com/' + 'x'.repeat(100))).toBe(5 + 23);
    expect(length('mastodon', 'hi @ada@social.example.org')).toBe(3 + 4);
    // No scheme: Mastodon does not make it a link, so every character counts.
    expect(length('mastodon', 'example.com')).toBe(11);
    expect(countFor('mastodon', '')[0]!.max).toBe(500);
  });

  it('Threads: code points, an emoji as its UTF-8 bytes', () => {
    expect(length('threads', 'ab😀')).toBe(2 + 4);
  });

  it('the others: UTF-16 units against their limit; a network the console does not know has no counter', () => {
    expect(countFor('linkedin', '😀')).toEqual([{ counting: 'utf16', length: 2, max: 3000 }]);
    expect(countFor('instagram', 'abc')[0]!.max).toBe(2200);
    expect(countFor('pinterest', 'abc')[0]!.max).toBe(800);
    expect(countFor('friendica', 'abc')).toEqual([]);
    expect(isOver(countFor('friendica', 'a'.repeat(100_000)))).toBe(false);
  });
});
