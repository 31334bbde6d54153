import { describe, expect, it } from 'vitest';
import { collectPages } from './paging.js';

/** An edge of `total` one-item pages, each with `paging.next` but the last (network-apis.md 1.5). */
function edge(total: number) {
  const asked: (string | undefined)[] = [];
  const read = (after: string | undefined) => {
    asked.push(after);
    const index = after === undefined ? 0 : Number(after) + 1;
    const last = index === total - 1;
    return Promise.resolve({
      data: [index],
      paging: {
        cursors: { after: String(index) },
        ...(last ? {} : { next: `https://graph.test/?after=${index}` }),
      },
    });
  };
  return { read, asked };
}

describe('collectPages', () => {
  it('reads to the last page within the bound', async () => {
    const { read, asked } = edge(3);
    expect(await collectPages(read, { maxPages: 3, beyondBound: () => new Error('bound') })).toEqual([
      0, 1, 2,
    ]);
    expect(asked).toEqual([undefined, '0', '1']);
  });

  it('with beyondBound, a `next` left after the bound throws instead of answering part of the edge', async () => {
    const { read } = edge(4);
    await expect(
      collectPages(read, { maxPages: 3, beyondBound: (pages) => new Error(`more than ${pages} pages`) }),
    ).rejects.toThrow('more than 3 pages');
  });

  it('without it, a bounded read (an inbox pull) keeps what it read', async () => {
    const { read } = edge(4);
    expect(await collectPages(read, 3)).toEqual([0, 1, 2]);
  });
});
