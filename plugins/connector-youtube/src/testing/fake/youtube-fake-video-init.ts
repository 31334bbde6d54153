import { stringAt, valueAt } from './youtube-fake-http.js';
import type { VideoInit } from './youtube-fake-state.js';

const CATEGORIES = new Set([
  '1',
  '2',
  '10',
  '15',
  '17',
  '19',
  '20',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
]);

/** The video resource of an upload request checked as YouTube checks it (8.2, 8.5); a reason when refused. */
export function readVideoInit(
  body: Record<string, unknown>,
  now: Date,
): { init: VideoInit } | { reason: string; message: string } {
  const title = stringAt(body, 'snippet', 'title') ?? '';
  if (title.trim() === '' || title.length > 100 || /[<>]/u.test(title)) {
    return { reason: 'invalidTitle', message: 'The request metadata specifies an invalid video title.' };
  }
  const description = stringAt(body, 'snippet', 'description') ?? '';
  if (Buffer.byteLength(description, 'utf8') > 5000) {
    return {
      reason: 'invalidDescription',
      message: 'The request metadata specifies an invalid video description.',
    };
  }
  const rawTags = valueAt(body, 'snippet', 'tags');
  const tags = Array.isArray(rawTags) ? rawTags.filter((tag): tag is string => typeof tag === 'string') : [];
  if (tags.reduce((sum, tag) => sum + tag.length, 0) + Math.max(0, tags.length - 1) > 500) {
    return { reason: 'invalidTags', message: 'The request metadata specifies invalid video keywords.' };
  }
  const categoryId = stringAt(body, 'snippet', 'categoryId') ?? '22';
  if (!CATEGORIES.has(categoryId)) {
    return {
      reason: 'invalidCategoryId',
      message: 'The snippet.categoryId property specifies an invalid category ID.',
    };
  }
  const privacy = stringAt(body, 'status', 'privacyStatus') ?? 'public';
  if (privacy !== 'public' && privacy !== 'unlisted' && privacy !== 'private') {
    return { reason: 'invalidVideoMetadata', message: `Unknown privacyStatus ${privacy}.` };
  }
  const publishAt = stringAt(body, 'status', 'publishAt') ?? null;
  if (publishAt !== null && (privacy !== 'private' || !(Date.parse(publishAt) > now.getTime()))) {
    return {
      reason: 'invalidPublishAt',
      message:
        'The request metadata specifies an invalid scheduled publishing time (it needs privacyStatus private and a future time).',
    };
  }
  return {
    init: {
      title,
      description,
      tags,
      categoryId,
      privacyStatus: privacy,
      publishAt,
      madeForKids: valueAt(body, 'status', 'selfDeclaredMadeForKids') === true,
    },
  };
}
