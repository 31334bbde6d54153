import { describe, expect, it } from 'vitest';
import { buildFacets } from './build-facets.js';
import { sliceUtf8 } from './utf8-offsets.js';

const known: Record<string, string> = { 'alice.test': 'did:plc:alice', 'דני.example': 'did:plc:never' };
const resolve = (handle: string) => Promise.resolve(known[handle]);

/** What each facet covers, read back through its byte range as a Bluesky client renders it. */
async function covered(text: string) {
  const facets = await buildFacets(text, resolve);
  return facets.map((facet) => ({
    text: sliceUtf8(text, facet.index.byteStart, facet.index.byteEnd),
    feature: facet.features[0],
  }));
}

describe('buildFacets', () => {
  it('places facets by UTF-8 bytes after emoji, so each covers exactly its word', async () => {
    const text = '👨‍👩‍👧‍👦 hi @alice.test see https://example.com/a?b=1 #Chorus';
    expect(await covered(text)).toEqual([
      { text: '@alice.test', feature: { $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:alice' } },
      {
        text: 'https://example.com/a?b=1',
        feature: { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/a?b=1' },
      },
      { text: '#Chorus', feature: { $type: 'app.bsky.richtext.facet#tag', tag: 'Chorus' } },
    ]);
    const facets = await buildFacets(text, resolve);
    // The family emoji alone is 25 bytes but 11 UTF-16 units: string indices would be off by 14.
    expect(facets[0]?.index).toEqual({ byteStart: 29, byteEnd: 40 });
  });

  it('counts Hebrew letters and niqqud as two bytes each (14 bytes for שָׁלוֹם, 18 for the tag)', async () => {
    const text = 'שָׁלוֹם @alice.test #שלום_עולם!';
    const facets = await buildFacets(text, resolve);
    expect(facets.map((facet) => facet.index)).toEqual([
      { byteStart: 15, byteEnd: 26 },
      { byteStart: 27, byteEnd: 45 },
    ]);
    expect(facets[1]?.features[0]).toEqual({ $type: 'app.bsky.richtext.facet#tag', tag: 'שלום_עולם' });
  });

  it('leaves a mention of a handle nobody has as plain text', async () => {
    expect(await covered('thanks @nobody.test and @alice.test.')).toEqual([
      { text: '@alice.test', feature: { $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:alice' } },
    ]);
  });

  it('does not take numbers, keycaps or fragments of links for hashtags', async () => {
    expect(await covered('#1 and #️⃣ and https://example.com/#top and a#b')).toEqual([
      {
        text: 'https://example.com/#top',
        feature: { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/#top' },
      },
    ]);
  });

  it('stops a link before trailing punctuation and skips tags longer than 64 characters', async () => {
    expect(await covered(`(see https://example.com/x). #${'a'.repeat(65)}`)).toEqual([
      {
        text: 'https://example.com/x',
        feature: { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/x' },
      },
    ]);
  });
});
