import { codePoints } from './pinterest-fake-http.js';
import type { MediaRecord, PinRecord } from './pinterest-fake-state.js';

/** What a valid `media_source` turns into; or the 400 message Pinterest would give. */
export type MediaCheck =
  | {
      readonly ok: true;
      readonly mediaType: PinRecord['mediaType'];
      readonly stored: Record<string, unknown>;
    }
  | { readonly ok: false; readonly message: string };

const TEXT_LIMITS: readonly [string, number][] = [
  ['title', 100],
  ['description', 800],
  ['link', 2048],
  ['alt_text', 500],
];
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/u;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);
/** A string field, or '' for anything else (a number or object is never valid here). */
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const isUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/\S+$/u.test(value);

/** The text fields' limits (9.2, 9.7): title 100, description 800, link 2048, alt_text 500 characters. */
export function textProblem(body: Record<string, unknown>): string | undefined {
  for (const [field, max] of TEXT_LIMITS) {
    const value = body[field];
    if (value === undefined || value === null) {
      continue;
    }
    if (typeof value !== 'string') {
      return `${field}: must be a string.`;
    }
    if (codePoints(value) > max) {
      return `${field}: constraint: maxLength=${max}.`;
    }
  }
  if (body.link !== undefined && body.link !== null && !isUrl(body.link)) {
    return 'link: must be a valid http(s) URL.';
  }
  return undefined;
}

function imageItems(items: unknown, base64: boolean): string | undefined {
  if (!Array.isArray(items)) {
    return 'media_source.items: required.';
  }
  if (items.length < 2) {
    return 'media_source.items: constraint: minItems=2.';
  }
  if (items.length > 5) {
    return 'media_source.items: constraint: maxItems=5.';
  }
  for (const item of items as Record<string, unknown>[]) {
    const bad = base64
      ? !IMAGE_TYPES.has(String(item.content_type)) || !BASE64.test(text(item.data))
      : !isUrl(item.url);
    if (bad) {
      return base64
        ? 'media_source.items: each item needs content_type image/jpeg or image/png and base64 data.'
        : 'media_source.items: each item needs a valid url.';
    }
  }
  return undefined;
}

/** The `media_source` of `POST /v5/pins` (9.2), with a video's media and its cover checked. */
export function checkMediaSource(
  source: unknown,
  mediaOf: (id: string) => MediaRecord | undefined,
): MediaCheck {
  if (typeof source !== 'object' || source === null) {
    return { ok: false, message: 'media_source: required.' };
  }
  const media = source as Record<string, unknown>;
  const bad = (message: string): MediaCheck => ({ ok: false, message });
  switch (media.source_type) {
    case 'image_url':
      return isUrl(media.url)
        ? { ok: true, mediaType: 'image', stored: { ...media } }
        : bad('media_source.url: must be a valid URL.');
    case 'image_base64':
      if (!IMAGE_TYPES.has(String(media.content_type))) {
        return bad('media_source.content_type: must be one of image/jpeg, image/png.');
      }
      return BASE64.test(text(media.data))
        ? { ok: true, mediaType: 'image', stored: { ...media, data: text(media.data).length } }
        : bad('media_source.data: must be base64-encoded image data.');
    case 'multiple_image_urls':
    case 'multiple_image_base64': {
      const problem = imageItems(media.items, media.source_type === 'multiple_image_base64');
      return problem
        ? bad(problem)
        : {
            ok: true,
            mediaType: 'multiple_images',
            stored: { source_type: media.source_type, count: (media.items as unknown[]).length },
          };
    }
    case 'video_id': {
      const record = mediaOf(text(media.media_id));
      if (!record) {
        return bad('media_source.media_id: media not found.');
      }
      if (record.status !== 'succeeded') {
        return bad(`media_source.media_id: media upload not ready (status ${record.status}).`);
      }
      const cover =
        isUrl(media.cover_image_url) ||
        (IMAGE_TYPES.has(String(media.cover_image_content_type)) &&
          BASE64.test(text(media.cover_image_data))) ||
        typeof media.cover_image_key_frame_time === 'number';
      return cover
        ? { ok: true, mediaType: 'video', stored: { ...media, cover_image_data: undefined } }
        : bad('media_source: cover_image_url or cover_image_content_type is required for a video pin.');
    }
    case 'pin_url':
      return isUrl(media.url)
        ? { ok: true, mediaType: 'image', stored: { ...media } }
        : bad('media_source.url: must be a valid pin URL.');
    default:
      return bad(
        'media_source.source_type: must be one of image_url, image_base64, multiple_image_urls, multiple_image_base64, video_id, pin_url.',
      );
  }
}
