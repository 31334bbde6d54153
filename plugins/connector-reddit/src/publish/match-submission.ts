import { normaliseText } from '@chorus/connector-sdk';
import type { Link } from '../api/reddit-schemas.js';
import type { SubmissionKind } from './submission-kind.js';

/** What a post of ours looks like once on Reddit. */
export interface ExpectedSubmission {
  readonly sr: string;
  readonly title: string;
  readonly kind: SubmissionKind;
  /** The body of a self post. */
  readonly text: string;
  readonly url?: string;
}

const sameUrl = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.replace(/\/+$/u, '') === b.replace(/\/+$/u, '');

/** Same subreddit, same title, and the same body, link or kind of media. */
export function matchesSubmission(link: Link, expected: ExpectedSubmission): boolean {
  if (link.subreddit.toLowerCase() !== expected.sr.toLowerCase()) {
    return false;
  }
  if (normaliseText(link.title) !== normaliseText(expected.title)) {
    return false;
  }
  const hint = typeof link.post_hint === 'string' ? link.post_hint : undefined;
  switch (expected.kind) {
    case 'self':
      return link.is_self === true && normaliseText(link.selftext) === normaliseText(expected.text);
    case 'link':
      return link.is_self !== true && sameUrl(link.url, expected.url);
    case 'image':
      return hint === 'image' && link.is_gallery !== true;
    case 'gallery':
      return link.is_gallery === true;
    case 'video':
    case 'videogif':
      return link.is_video === true;
  }
}
