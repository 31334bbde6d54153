import { invalidRequest, type Exchange } from './x-fake-http.js';
import { newestFirst } from './x-fake-state.js';

export interface Page<T> {
  readonly items: T[];
  readonly meta: Record<string, unknown>;
}

const encodeToken = (id: string) => Buffer.from(`after:${id}`).toString('base64url');
const decodeToken = (token: string) => {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  return text.startsWith('after:') && /^\d+$/u.test(text.slice(6)) ? text.slice(6) : undefined;
};

/**
 * A v2 timeline page: newest first, `since_id`/`until_id` exclusive bounds, `start_time`/`end_time`, at most
 * `max_results` items, `meta.next_token` to go further back. Answers the 400 itself and returns undefined.
 */
export function paginate<T extends { id: string; createdAt: number }>(
  exchange: Exchange,
  all: readonly T[],
  bounds: { min: number; max: number; fallback: number },
): Page<T> | undefined {
  const query = exchange.url.searchParams;
  const maxResults = Number(query.get('max_results') ?? bounds.fallback);
  if (!Number.isInteger(maxResults) || maxResults < bounds.min || maxResults > bounds.max) {
    invalidRequest(
      exchange,
      `The \`max_results\` query parameter value [${query.get('max_results')}] is not between ${bounds.min} and ${bounds.max}`,
    );
    return undefined;
  }
  const sinceId = query.get('since_id');
  const untilId = query.get('until_id');
  const start = query.get('start_time');
  const end = query.get('end_time');
  const token = query.get('pagination_token');
  const after = token ? decodeToken(token) : undefined;
  if (token && !after) {
    invalidRequest(exchange, 'The `pagination_token` query parameter value is not valid.');
    return undefined;
  }
  for (const [name, value] of [
    ['since_id', sinceId],
    ['until_id', untilId],
  ] as const) {
    if (value !== null && !/^\d{1,19}$/u.test(value)) {
      invalidRequest(exchange, `The \`${name}\` query parameter value [${value}] is not a valid post id.`);
      return undefined;
    }
  }
  for (const [name, value] of [
    ['start_time', start],
    ['end_time', end],
  ] as const) {
    if (value !== null && Number.isNaN(Date.parse(value))) {
      invalidRequest(
        exchange,
        `The \`${name}\` query parameter value [${value}] is not a valid RFC 3339 date-time.`,
      );
      return undefined;
    }
  }
  const matching = newestFirst(all).filter(
    (item) =>
      (sinceId === null || BigInt(item.id) > BigInt(sinceId)) &&
      (untilId === null || BigInt(item.id) < BigInt(untilId)) &&
      (start === null || item.createdAt >= Date.parse(start)) &&
      (end === null || item.createdAt <= Date.parse(end)) &&
      (after === undefined || BigInt(item.id) < BigInt(after)),
  );
  const items = matching.slice(0, maxResults);
  const more = matching.length > items.length;
  return {
    items,
    meta: {
      result_count: items.length,
      ...(items.length > 0 ? { newest_id: items[0]!.id, oldest_id: items[items.length - 1]!.id } : {}),
      ...(more ? { next_token: encodeToken(items[items.length - 1]!.id) } : {}),
    },
  };
}
