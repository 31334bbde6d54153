import { describe, expect, it } from 'vitest';
import { tagLinks, tagUrl } from './utm-tagging.value-object.js';
import { DEFAULT_UTM_SCHEME, checkUtmScheme, utmSlug, utmValuesFor } from './utm-scheme.value-object.js';

const values = { source: 'bluesky', medium: 'social', campaign: 'spring-launch', content: 'post-1' };
const TAGS = 'utm_source=bluesky&utm_medium=social&utm_campaign=spring-launch&utm_content=post-1';

describe('tagUrl', () => {
  it('adds the four parameters to a bare URL', () => {
    expect(tagUrl('https://acme.test', values)).toBe(`https://acme.test?${TAGS}`);
    expect(tagUrl('https://acme.test/shop/', values)).toBe(`https://acme.test/shop/?${TAGS}`);
  });

  it('keeps an existing query in order and spelling, and the fragment last', () => {
    expect(tagUrl('https://acme.test/p?id=3&sort=Price%20asc#reviews', values)).toBe(
      `https://acme.test/p?id=3&sort=Price%20asc&${TAGS}#reviews`,
    );
    expect(tagUrl('https://acme.test/p?#top', values)).toBe(`https://acme.test/p?${TAGS}#top`);
    expect(tagUrl('https://acme.test/p?a=1&', values)).toBe(`https://acme.test/p?a=1&${TAGS}`);
    expect(tagUrl('https://acme.test/#/app/route?x=1', values)).toBe(
      `https://acme.test/?${TAGS}#/app/route?x=1`,
    );
  });

  it('leaves UTM parameters the author set alone, whatever their case or encoding', () => {
    expect(tagUrl('https://acme.test/?utm_source=newsletter', values)).toBe(
      'https://acme.test/?utm_source=newsletter&utm_medium=social&utm_campaign=spring-launch&utm_content=post-1',
    );
    expect(tagUrl('https://acme.test/?UTM_Campaign=own&utm%5Fmedium=x', values)).toBe(
      'https://acme.test/?UTM_Campaign=own&utm%5Fmedium=x&utm_source=bluesky&utm_content=post-1',
    );
    const full = `https://acme.test/?${TAGS}`;
    expect(tagUrl(full, { ...values, source: 'other' })).toBe(full);
  });

  it('encodes values and drops a parameter whose value is empty', () => {
    expect(tagUrl('https://acme.test', { ...values, campaign: 'Été & co', content: null })).toBe(
      'https://acme.test?utm_source=bluesky&utm_medium=social&utm_campaign=%C3%89t%C3%A9%20%26%20co',
    );
  });

  it('keeps ports, credentials-free paths with parentheses and internationalised hosts', () => {
    expect(tagUrl('http://localhost:8080/a_(b)', values)).toBe(`http://localhost:8080/a_(b)?${TAGS}`);
    expect(tagUrl('https://café.test/menù', values)).toBe(`https://café.test/menù?${TAGS}`);
  });
});

describe('tagLinks', () => {
  it('tags every link in a text and leaves punctuation and the rest of the text as written', () => {
    const text =
      'New roast (see https://acme.test/roast). Shop: https://acme.test/shop?x=1, or https://acme.test!';
    expect(tagLinks(text, values)).toBe(
      `New roast (see https://acme.test/roast?${TAGS}). Shop: https://acme.test/shop?x=1&${TAGS}, or https://acme.test?${TAGS}!`,
    );
  });

  it('does not touch text without links, or non-http schemes', () => {
    expect(tagLinks('mailto:hi@acme.test and acme.test', values)).toBe('mailto:hi@acme.test and acme.test');
  });
});

describe('UTM scheme', () => {
  it('fills the default scheme per target: network, social, campaign slug, post id', () => {
    expect(
      utmValuesFor(DEFAULT_UTM_SCHEME, {
        network: 'instagram',
        channelId: 'c1',
        postId: 'p1',
        campaign: utmSlug('Spring Launch — 2027!'),
      }),
    ).toEqual({ source: 'instagram', medium: 'social', campaign: 'spring-launch-2027', content: 'p1' });
  });

  it('leaves a parameter out when its template comes out empty (no campaign)', () => {
    const v = utmValuesFor(DEFAULT_UTM_SCHEME, { network: 'x', channelId: 'c', postId: 'p', campaign: null });
    expect(v.campaign).toBeNull();
  });

  it('refuses unknown placeholders, naming the field', () => {
    expect(() => checkUtmScheme({ ...DEFAULT_UTM_SCHEME, content: '{author}' })).toThrow(
      'content: unknown placeholder {author}',
    );
  });
});
