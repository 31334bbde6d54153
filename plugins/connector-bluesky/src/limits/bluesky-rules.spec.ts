import { describe, expect, it } from 'vitest';
import { parseManifest, validatePost, type ConnectorManifest, type PostInput } from '@chorus/connector-sdk';
import { blueskyManifest } from '../manifest.js';
import { blueskyRules } from './bluesky-rules.js';

function manifest(): ConnectorManifest {
  const parsed = parseManifest(blueskyManifest);
  if (!parsed.ok) {
    throw new Error('the Bluesky manifest is invalid');
  }
  return parsed.manifest;
}

/** Every issue the connector's validate() reports: the generic checks from the manifest, then Bluesky's own. */
function issues(post: PostInput) {
  const current = manifest();
  return [...validatePost(current, post), ...blueskyRules(post, current.limits)];
}

const image = {
  kind: 'image' as const,
  mimeType: 'image/png',
  source: { kind: 'url' as const, url: 'https://example.com/a.png' },
};

describe('Bluesky text limits: 300 graphemes and 3,000 bytes', () => {
  it('counts what a reader sees as one character as one, however many code points it has', () => {
    const flags = '🇮🇱🇮🇹'.repeat(150); // 300 flags, each two code points
    const accents = 'e\u0301'.repeat(300); // 300 é written as e + combining accent
    const hebrew = 'שָׁ'.repeat(300); // 300 letters with niqqud, three code points each
    for (const text of [flags, accents, hebrew]) {
      expect(issues({ text })).toEqual([]);
      expect(issues({ text: `${text}x` })).toEqual([
        expect.objectContaining({ path: ['text'], code: 'text-too-long', limit: 300, actual: 301 }),
      ]);
    }
  });

  it('refuses 300 graphemes that take more than 3,000 bytes', () => {
    const families = '👨‍👩‍👧‍👦'.repeat(121); // 25 bytes each
    expect(issues({ text: families })).toEqual([
      expect.objectContaining({ path: ['text'], code: 'text-too-long', limit: 3000, actual: 3025 }),
    ]);
  });

  it('counts a link shown in the text (when media takes the one embed) toward the limits', () => {
    const text = 'a'.repeat(290);
    const link = { url: 'https://example.com/a-long-path' };
    expect(issues({ text, link })).toEqual([]);
    expect(issues({ text, link, media: [image] })).toEqual([
      expect.objectContaining({ path: ['link'], code: 'text-too-long', limit: 300 }),
    ]);
  });

  it('needs text, media or a link', () => {
    expect(issues({ text: ' ' })).toEqual([expect.objectContaining({ code: 'text-required' })]);
    expect(issues({ text: '', media: [image] })).toEqual([]);
    expect(issues({ text: '', link: { url: 'https://example.com' } })).toEqual([]);
  });
});
