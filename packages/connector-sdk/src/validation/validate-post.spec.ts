import { describe, expect, it } from 'vitest';
import { ConnectorManifestSchema } from '../manifest/manifest.schema.js';
import { exampleManifest } from '../testing/example-manifest.fixture.js';
import type { MediaInput } from '../content/post.js';
import { validatePost } from './validate-post.js';

const manifest = ConnectorManifestSchema.parse(exampleManifest());
const image = (overrides: Partial<MediaInput> = {}): MediaInput => ({
  kind: 'image',
  mimeType: 'image/png',
  source: { kind: 'bytes', data: new Uint8Array([1]) },
  sizeBytes: 1000,
  width: 1200,
  height: 800,
  altText: 'A cat',
  ...overrides,
});

describe('validatePost', () => {
  it('accepts a post within every declared limit', () => {
    expect(validatePost(manifest, { text: 'é'.repeat(300), media: [image()] })).toEqual([]);
  });

  it('reports text over the grapheme limit with path, code, limit and actual', () => {
    const issues = validatePost(manifest, { text: '👍🏽'.repeat(301) });
    expect(issues).toEqual([
      expect.objectContaining({ path: ['text'], code: 'text-too-long', limit: 300, actual: 301 }),
    ]);
    expect(issues[0]?.message).toContain('301 characters');
  });

  it('checks every text rule: 300 graphemes but also 3000 bytes', () => {
    const text = '👨‍👩‍👧'.repeat(200); // 200 graphemes, 18 bytes each
    expect(validatePost(manifest, { text })).toEqual([
      expect.objectContaining({ path: ['text'], code: 'text-too-long', limit: 3000, actual: 3600 }),
    ]);
  });

  it('requires text unless the post has media, as declared', () => {
    expect(validatePost(manifest, { text: ' ' })).toEqual([
      expect.objectContaining({ code: 'text-required' }),
    ]);
    expect(validatePost(manifest, { text: '', media: [image()] })).toEqual([]);
  });

  it('reports each media problem on its own field', () => {
    const issues = validatePost(manifest, {
      text: 'x',
      media: [
        image({ mimeType: 'image/gif' }),
        image({ sizeBytes: 2_000_000 }),
        image({ altText: '' }),
        image({ width: 4000, height: 1000 }),
        image(),
      ],
    });
    expect(issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['media', 'too-many-media'],
      ['media', 'too-many-media-of-kind'],
      ['media.0.mimeType', 'media-type-not-allowed'],
      ['media.1.sizeBytes', 'media-too-large'],
      ['media.2.altText', 'alt-text-required'],
      ['media.3.width', 'aspect-ratio-out-of-range'],
    ]);
  });

  it('refuses content kinds the manifest does not declare', () => {
    const issues = validatePost(manifest, {
      text: 'x',
      link: { url: 'https://example.com' },
      firstComment: { text: 'first!' },
      media: [
        { kind: 'video', mimeType: 'video/mp4', source: { kind: 'url', url: 'https://example.com/v.mp4' } },
      ],
    });
    expect(issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['media.0', 'content-not-supported'],
      ['link', 'content-not-supported'],
      ['firstComment', 'content-not-supported'],
    ]);
  });

  it('validates every part of a thread and the thread length', () => {
    const issues = validatePost(manifest, {
      text: 'one',
      thread: [{ text: 'two' }, { text: 'x'.repeat(301) }, { text: 'four' }],
    });
    expect(issues.map((issue) => [issue.path.join('.'), issue.code, issue.limit, issue.actual])).toEqual([
      ['thread', 'thread-too-long', 3, 4],
      ['thread.1.text', 'text-too-long', 300, 301],
    ]);
  });

  it('validates polls: option count, option length, duration', () => {
    const issues = validatePost(manifest, {
      text: 'Which?',
      poll: { options: ['a', 'b', 'c', 'd', 'x'.repeat(51)], durationSeconds: 60 },
    });
    expect(issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['poll.options', 'poll-too-many-options'],
      ['poll.options.4', 'poll-option-too-long'],
      ['poll.durationSeconds', 'poll-duration-out-of-range'],
    ]);
  });

  it('validates per-post settings against the settings schema', () => {
    expect(validatePost(manifest, { text: 'x', settings: { language: 'eng' } })).toEqual([
      expect.objectContaining({ path: ['settings', 'language'], code: 'invalid-setting' }),
    ]);
  });
});
