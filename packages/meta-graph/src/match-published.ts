import { normaliseText, type FindPublishedResult } from '@chorus/connector-sdk';

/** What a listed post shows of itself: its text and, where the listing says, what kind of media it carries. */
export interface PublishedCandidate {
  readonly text: string;
  /** Such as IMAGE, VIDEO, CAROUSEL_ALBUM; absent when the listing does not say. */
  readonly shape?: string;
}

export type PublishedMatch<T> =
  | { readonly status: 'found'; readonly item: T }
  | { readonly status: 'not-found' }
  | { readonly status: 'unknown'; readonly reason: string };

/**
 * Picks the post an attempt made among the account's posts in the attempt's window. Meta has no idempotency key,
 * so only the text and the media shape identify a post: a post with text is the one with the same normalised
 * text and shape (where known), and the same text with other media is `unknown`. A captionless post cannot be
 * told from another captionless post of the same shape (a person's own upload, an earlier attempt), so any such
 * candidate makes the answer `unknown`, never `found`: claiming a different post would lose this one, and
 * `not-found` would post it twice.
 */
export function matchPublished<T>(
  network: string,
  items: readonly T[],
  wanted: PublishedCandidate,
  read: (item: T) => PublishedCandidate,
): PublishedMatch<T> {
  const text = normaliseText(wanted.text);
  const sameText = items.filter((item) => normaliseText(read(item).text) === text);
  const candidates = sameText.filter((item) => {
    const shape = read(item).shape;
    return wanted.shape === undefined || shape === undefined || shape === wanted.shape;
  });
  if (text !== '' && candidates.length > 0) {
    return { status: 'found', item: candidates[0]! };
  }
  if (text !== '' && sameText.length > 0) {
    // The same text with other media: another post, or this one listed under a kind Chorus did not expect.
    return {
      status: 'unknown',
      reason: `${network} shows a post with this text but other media in the attempt's window; look at the account before publishing again.`,
    };
  }
  if (candidates.length === 0) {
    return { status: 'not-found' };
  }
  return {
    status: 'unknown',
    reason: `${network} shows ${candidates.length} post(s) without text and with the same kind of media in the attempt's window; Chorus cannot tell whether one of them is this post. Look at the account before publishing again.`,
  };
}

/** A found match as the SDK's answer; the caller supplies where the post lives. */
export function publishedResult<T>(
  match: PublishedMatch<T>,
  found: (item: T) => Extract<FindPublishedResult, { status: 'found' }>,
): FindPublishedResult {
  return match.status === 'found' ? found(match.item) : match;
}
