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

/** Reads a paged edge to its end or `maxPages`, following `after` cursors. */
export async function collectPages<T>(
  read: (after: string | undefined) => Promise<{ data: T[] } & GraphPageShape>,
  maxPages = 10,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < maxPages; pages += 1) {
    const answer = await read(after);
    items.push(...answer.data);
    after = nextCursor(answer);
    if (!after) {
      break;
    }
  }
  return items;
}
