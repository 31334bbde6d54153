import {
  isConnectorError,
  normaliseText,
  type Credentials,
  type FindPublishedInput,
  type FindPublishedResult,
  type PostInput,
} from '@chorus/connector-sdk';
import { page, pin, type Pin } from '../api/pinterest-schemas.js';
import { pinUrl, type PinterestDeps } from '../pinterest-deps.js';
import { chooseBoard } from './boards.js';
import { pinText } from './pin-body.js';

// How far back the connector promises to look (the manifest's findPublished.maxWindowSeconds).
const MAX_WINDOW_MS = 7 * 86_400 * 1000;
const PAGE_SIZE = 100;
const MAX_PAGES = 10;
// Clocks differ: a pin stamped a little before the attempt started still counts.
const SKEW_MS = 60_000;

/** When Pinterest says the pin was created; NaN when it does not say. */
const created = (item: Pin) => (item.created_at ? Date.parse(item.created_at) : Number.NaN);

/**
 * Pinterest has no idempotency key (9.6): after an ambiguous create, list the board's pins (newest first) and
 * match title, description, link and alt text of pins created within the attempt's window. Whenever it cannot be
 * sure (too many pages, a pin without a creation time, a pin without text), it answers unknown, not not-found.
 */
export async function findPublishedPin(
  deps: PinterestDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  const now = deps.context.clock.now().getTime();
  const from = Date.parse(input.window.from) - SKEW_MS;
  const to = Date.parse(input.window.to) + SKEW_MS;
  if (from < now - MAX_WINDOW_MS) {
    return {
      status: 'unknown',
      reason: 'The attempt is older than 7 days; look at the board on Pinterest before publishing again.',
    };
  }
  const boardId = await chooseBoard(deps, credentials, input.post).catch((error: unknown) => {
    if (isConnectorError(error) && error.kind === 'invalid-content') {
      return undefined;
    }
    throw error;
  });
  if (boardId === undefined) {
    // The post named no board and the account no longer has exactly one: the pin may be on any of them.
    return {
      status: 'unknown',
      reason: 'The post names no board and the account now has several; look for the pin on Pinterest.',
    };
  }
  const expected = comparable(input.post);
  let bookmark: string | undefined;
  for (let count = 0; count < MAX_PAGES; count += 1) {
    const answer = await deps.api.call(
      {
        operation: 'findPublished',
        endpoint: 'boards.pins',
        path: `/v5/boards/${encodeURIComponent(boardId)}/pins`,
        query: { page_size: String(PAGE_SIZE), bookmark },
        token: credentials.accessToken,
      },
      page(pin),
    );
    const match = answer.items.find((item) => {
      const at = created(item);
      return sameFields(item, expected) && (Number.isNaN(at) || (at >= from && at <= to));
    });
    if (match && Number.isNaN(created(match))) {
      // Without its creation time the pin may be an older one with the same words: a person decides.
      return {
        status: 'unknown',
        reason: `A pin with the same words is on the board but Pinterest gave no creation time (${pinUrl(match.id)}); check whether it is this one.`,
      };
    }
    if (match && Object.values(expected).every((value) => value === '')) {
      // A pin without title, description, link or alt text cannot be told apart from another such pin.
      return {
        status: 'unknown',
        reason: `A pin without any text was created on the board in the window (${pinUrl(match.id)}); check whether it is this one.`,
      };
    }
    if (match) {
      return {
        status: 'found',
        remoteId: match.id,
        url: pinUrl(match.id),
        publishedAt: match.created_at ?? input.window.from,
      };
    }
    // The board's order is not documented (a pin moved or saved onto it is not placed by its creation time), so
    // only a whole page older than the window ends the search; one old pin among new ones does not.
    const wholePageOlder = answer.items.length > 0 && answer.items.every((item) => created(item) < from);
    if (!answer.bookmark || wholePageOlder) {
      return { status: 'not-found' };
    }
    bookmark = answer.bookmark;
  }
  return {
    status: 'unknown',
    reason: `More than ${MAX_PAGES * PAGE_SIZE} pins on the board since the attempt; look on Pinterest.`,
  };
}

interface Comparable {
  readonly title: string;
  readonly description: string;
  readonly link: string;
  readonly altText: string;
}

function comparable(post: PostInput): Comparable {
  const fields = pinText(post);
  return {
    title: normaliseText(fields.title ?? ''),
    description: normaliseText(fields.description ?? ''),
    link: comparableLink(fields.link),
    altText: normaliseText(fields.alt_text ?? ''),
  };
}

function sameFields(item: Pin, expected: Comparable): boolean {
  return (
    normaliseText(item.title ?? '') === expected.title &&
    normaliseText(item.description ?? '') === expected.description &&
    comparableLink(item.link) === expected.link &&
    // A pin may not report its alt text (absent or null); when it does, it must agree. Requiring it would
    // answer not-found for the very pin, and publish it twice.
    (item.alt_text === undefined ||
      item.alt_text === null ||
      normaliseText(item.alt_text) === expected.altText)
  );
}

/** Links compared as URLs, so that Pinterest writing one differently (`https://A.com` as `https://a.com/`) still matches. */
function comparableLink(link: string | null | undefined): string {
  if (!link) {
    return '';
  }
  try {
    return new URL(link).href;
  } catch {
    return link;
  }
}
