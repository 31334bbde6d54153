import { describe, expect, it } from 'vitest';
import { parseManifest, type ConnectorManifest } from '@chorus/connector-sdk';
import { mastodonManifest } from '../manifest.js';
import { limitsFromInstance } from './instance-limits.js';
import { mastodonRules } from './mastodon-rules.js';

const parsed = parseManifest(mastodonManifest);
if (!parsed.ok) {
  throw new Error('the Mastodon manifest must be valid');
}
const manifest: ConnectorManifest = parsed.manifest;

describe('limitsFromInstance', () => {
  it("takes each server's own limits from /api/v2/instance", () => {
    const limits = limitsFromInstance(
      {
        configuration: {
          statuses: { max_characters: 5000, max_media_attachments: 6, characters_reserved_per_url: 30 },
          media_attachments: {
            supported_mime_types: ['image/png', 'image/gif', 'video/mp4'],
            image_size_limit: 1000,
            description_limit: 900,
          },
          polls: {
            max_options: 10,
            max_characters_per_option: 100,
            min_expiration: 60,
            max_expiration: 86400,
          },
        },
      },
      manifest.limits,
    );
    expect(limits.text[0]).toMatchObject({
      counting: 'graphemes',
      max: 5000,
      urlLength: 30,
      ignoreMentionDomains: true,
    });
    expect(limits.media).toMatchObject({ maxItems: 6 });
    expect(limits.media?.image).toMatchObject({ mimeTypes: ['image/png'], maxBytes: 1000 });
    expect(limits.media?.image?.altText?.text[0]?.max).toBe(900);
    expect(limits.media?.gif?.mimeTypes).toEqual(['image/gif']);
    expect(limits.poll).toMatchObject({ maxOptions: 10, minDurationSeconds: 60, maxDurationSeconds: 86400 });
    expect(limits.poll?.option[0]?.max).toBe(100);
  });

  it('keeps the defaults for what a fork does not report', () => {
    expect(limitsFromInstance({}, manifest.limits)).toEqual(manifest.limits);
  });
});

describe('mastodonRules', () => {
  it('counts the content warning with the text, as Mastodon does', () => {
    expect(
      mastodonRules({ text: 'x'.repeat(491), settings: { spoilerText: 'a spoiler' } }, manifest.limits),
    ).toEqual([]);
    const over = mastodonRules(
      { text: 'x'.repeat(495), settings: { spoilerText: 'a spoiler' } },
      manifest.limits,
    );
    expect(over).toEqual([
      expect.objectContaining({
        path: ['settings', 'spoilerText'],
        code: 'text-too-long',
        limit: 500,
        actual: 504,
      }),
    ]);
  });

  it('counts the content warning with each thread part and the first comment, which carry it too', () => {
    const issues = mastodonRules(
      {
        text: 'short',
        thread: [{ text: 'y'.repeat(300) }, { text: 'z'.repeat(495) }],
        firstComment: { text: 'w'.repeat(494) },
        settings: { spoilerText: 'a spoiler' },
      },
      manifest.limits,
    );
    expect(issues).toEqual([
      expect.objectContaining({
        path: ['thread', 1, 'text'],
        code: 'text-too-long',
        limit: 500,
        actual: 504,
      }),
      expect.objectContaining({
        path: ['firstComment', 'text'],
        code: 'text-too-long',
        limit: 500,
        actual: 503,
      }),
    ]);
  });

  it('counts an appended link as the URL length', () => {
    const issues = mastodonRules(
      { text: 'x'.repeat(480), link: { url: 'https://example.com/page' } },
      manifest.limits,
    );
    expect(issues).toEqual([expect.objectContaining({ path: ['link'], limit: 500, actual: 480 + 2 + 23 })]);
  });
});
