import { compareIds } from './fake-ids.js';

export interface PageParams {
  readonly maxId?: string;
  readonly sinceId?: string;
  readonly minId?: string;
  readonly limit: number;
}

export function pageParams(query: URLSearchParams, defaultLimit: number, maxLimit: number): PageParams {
  const requested = Number(query.get('limit') ?? defaultLimit);
  const limit =
    Number.isFinite(requested) && requested > 0 ? Math.min(Math.floor(requested), maxLimit) : defaultLimit;
  return {
    maxId: query.get('max_id') ?? undefined,
    sinceId: query.get('since_id') ?? undefined,
    minId: query.get('min_id') ?? undefined,
    limit,
  };
}

/**
 * Mastodon's paging: newest first; max_id pages into the past, since_id gives the newest items after an id,
 * min_id gives the items immediately after an id (for walking forward). Results are always newest first.
 */
export function paginate<T>(items: readonly T[], idOf: (item: T) => string, params: PageParams): T[] {
  let selected = [...items].sort((a, b) => compareIds(idOf(b), idOf(a)));
  if (params.maxId) {
    selected = selected.filter((item) => compareIds(idOf(item), params.maxId!) < 0);
  }
  if (params.sinceId) {
    selected = selected.filter((item) => compareIds(idOf(item), params.sinceId!) > 0);
  }
  if (params.minId) {
    const newer = selected.filter((item) => compareIds(idOf(item), params.minId!) > 0);
    return newer.slice(Math.max(0, newer.length - params.limit));
  }
  return selected.slice(0, params.limit);
}

/** The Link header: next pages into the past (max_id), prev walks forward (min_id). */
export function linkHeader<T>(
  baseUrl: string,
  path: string,
  query: URLSearchParams,
  page: readonly T[],
  idOf: (item: T) => string,
): string | undefined {
  if (page.length === 0) {
    return undefined;
  }
  const keep = new URLSearchParams(query);
  for (const key of ['max_id', 'since_id', 'min_id']) {
    keep.delete(key);
  }
  const url = (key: string, id: string) => {
    const params = new URLSearchParams(keep);
    params.set(key, id);
    return `<${baseUrl}${path}?${params.toString()}>`;
  };
  const newest = idOf(page[0]!);
  const oldest = idOf(page[page.length - 1]!);
  return `${url('max_id', oldest)}; rel="next", ${url('min_id', newest)}; rel="prev"`;
}
