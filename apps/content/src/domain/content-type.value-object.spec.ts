import { describe, expect, it } from 'vitest';
import { checkContentType, type PublishProfile } from './content-type.value-object.js';
import type { MediaRef, ResolvedTarget } from './post-content.value-object.js';

const image: MediaRef = {
  mediaId: 'm',
  kind: 'image',
  mimeType: 'image/jpeg',
  url: 'https://cdn.test/a.jpg',
  sizeBytes: 1,
  width: 1,
  height: 1,
  durationSeconds: null,
  altText: null,
};
const video: MediaRef = { ...image, kind: 'video', mimeType: 'video/mp4' };
const target = (media: MediaRef[]): ResolvedTarget => ({
  targetId: 't',
  channelId: 'c',
  text: 'x',
  media,
  firstComment: null,
  thread: [],
  settings: {},
});
const instagram: PublishProfile = {
  displayName: 'Instagram',
  kinds: ['image', 'video', 'first-comment'],
  maxMediaItems: 10,
  placements: ['feed', 'story'],
};
const bluesky: PublishProfile = {
  displayName: 'Bluesky',
  kinds: ['text', 'image'],
  maxMediaItems: 4,
  placements: [],
};

describe('checkContentType', () => {
  it('accepts each type where the network has it and the media fit', () => {
    expect(checkContentType('carousel', target([image, image]), instagram)).toEqual([]);
    expect(checkContentType('story', target([image]), instagram)).toEqual([]);
    expect(checkContentType('reel', target([video]), instagram)).toEqual([]);
    expect(checkContentType('image', target([image]), bluesky)).toEqual([]);
  });

  it('names the network that lacks the type', () => {
    expect(checkContentType('story', target([image]), bluesky)).toEqual([
      { field: 'contentType', problem: 'Bluesky has no stories' },
    ]);
    expect(checkContentType('reel', target([video]), bluesky)[0]!.problem).toBe(
      'Bluesky does not publish reels',
    );
  });

  it('names the media a type needs', () => {
    expect(checkContentType('carousel', target([image]), instagram)).toEqual([
      { field: 'media', problem: 'a carousel needs at least 2 media' },
    ]);
    expect(checkContentType('video', target([image]), instagram)[0]!.field).toBe('media');
  });
});
