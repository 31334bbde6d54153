import { z } from '@chorus/connector-sdk';

/** A cursor-paged Graph edge (network-apis.md 1.5); no `paging.next` means the last page. */
export function graphPage<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    paging: z
      .object({
        cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
        next: z.string().optional(),
      })
      .optional(),
  });
}

export interface GraphPageShape {
  readonly paging?: { readonly cursors?: { readonly after?: string }; readonly next?: string };
}

/** The `after` cursor of the next page, or undefined on the last page. */
export function nextCursor(page: GraphPageShape): string | undefined {
  return page.paging?.next ? page.paging.cursors?.after : undefined;
}

export const idResponse = z.object({ id: z.string().min(1) });
export const successResponse = z.object({ success: z.boolean() });

export interface CollectOptions<T> {
  /** A bound on the requests one read makes (default 10). */
  readonly maxPages?: number;
  /**
   * For edges listed newest first: the inbox cursor's time. Paging stops after the page that reaches an item
   * older than it (`timeOf`), as what lies beyond was seen by an earlier pull.
   */
  readonly since?: string;
  readonly timeOf?: (item: T) => string;
  /**
   * For reads that must be whole (the Pages to choose from): the error thrown when `paging.next` is still there
   * after `maxPages`, instead of answering part of the edge as if it were all of it.
   */
  readonly beyondBound?: (maxPages: number) => Error;
}

/** Reads a paged edge to its end, `maxPages` or the page that reaches `since`, following `after` cursors. */
export async function collectPages<T>(
  read: (after: string | undefined) => Promise<{ data: T[] } & GraphPageShape>,
  options: number | CollectOptions<NoInfer<T>> = {},
): Promise<T[]> {
  const {
    maxPages = 10,
    since,
    timeOf,
    beyondBound,
  } = typeof options === 'number' ? ({ maxPages: options } as CollectOptions<T>) : options;
  const limit = since ? Math.floor(Date.parse(since) / 1000) * 1000 : Number.NaN;
  const reached = (item: T) => timeOf !== undefined && Date.parse(timeOf(item)) < limit;
  const items: T[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < maxPages; pages += 1) {
    const answer = await read(after);
    items.push(...answer.data);
    after = nextCursor(answer);
    if (!after || answer.data.some(reached)) {
      return items;
    }
  }
  if (after && beyondBound) {
    throw beyondBound(maxPages);
  }
  return items;
}
