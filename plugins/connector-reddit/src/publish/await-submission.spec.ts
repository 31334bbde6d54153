import { describe, expect, it } from 'vitest';
import type { Credentials } from '@chorus/connector-sdk';
import type { RedditDeps } from '../reddit-deps.js';
import { findOwnSubmission } from './await-submission.js';

// Reddit may answer a page shorter than `limit` that still has an `after` (items it filters out), so the count
// of items read says nothing about having reached the end of the listing.
function listingOfShortPages(pages: number, perPage: number): { deps: RedditDeps; calls: () => number } {
  let calls = 0;
  const nowSeconds = Date.now() / 1000;
  const api = {
    call: () => {
      const page = calls;
      calls += 1;
      const children = Array.from({ length: perPage }, (_, index) => ({
        kind: 't3',
        data: {
          name: `t3_p${page}i${index}`,
          subreddit: 'chorus',
          title: `Other ${page}-${index}`,
          created_utc: nowSeconds - page,
          permalink: `/r/chorus/comments/p${page}i${index}/`,
        },
      }));
      const after = page + 1 < pages ? children[children.length - 1]!.data.name : null;
      return Promise.resolve({ kind: 'Listing', data: { after, before: null, children } });
    },
  };
  return { deps: { api } as unknown as RedditDeps, calls: () => calls };
}

const credentials: Credentials = { accountId: 't2_me', accessToken: 'token' };
const expected = { sr: 'chorus', title: 'Mine', kind: 'self' as const, text: 'body' };

describe('findOwnSubmission', () => {
  it('is incomplete when the page cap stops it, however short the pages were', async () => {
    const { deps, calls } = listingOfShortPages(20, 99);
    const scan = await findOwnSubmission(deps, credentials, 'me', expected, {
      from: new Date(Date.now() - 3_600_000),
      pages: 10,
    });
    expect(calls()).toBe(10);
    expect(scan).toEqual({ found: [], complete: false });
  });

  it('is complete when the listing ends, even on a short last page', async () => {
    const { deps } = listingOfShortPages(3, 99);
    const scan = await findOwnSubmission(deps, credentials, 'me', expected, {
      from: new Date(Date.now() - 3_600_000),
      pages: 10,
    });
    expect(scan.complete).toBe(true);
  });

  it('does not stop at an old post pinned on top of the listing', async () => {
    const now = Date.now() / 1000;
    const post = (name: string, title: string, created: number, extra: Record<string, unknown> = {}) => ({
      kind: 't3',
      data: {
        name,
        subreddit: 'chorus',
        title,
        created_utc: created,
        permalink: `/r/chorus/comments/${name}/`,
        is_self: true,
        selftext: 'body',
        ...extra,
      },
    });
    const children = [
      post('t3_pinned', 'Pinned long ago', now - 86_400 * 90, { pinned: true }),
      post('t3_mine', 'Mine', now - 10),
      post('t3_old', 'Older', now - 86_400),
    ];
    const api = {
      call: () => Promise.resolve({ kind: 'Listing', data: { after: null, before: null, children } }),
    };
    const scan = await findOwnSubmission({ api } as unknown as RedditDeps, credentials, 'me', expected, {
      from: new Date(Date.now() - 60_000),
      pages: 10,
    });
    expect(scan.found.map((link) => link.name)).toEqual(['t3_mine']);
    expect(scan.complete).toBe(true);
  });
});
