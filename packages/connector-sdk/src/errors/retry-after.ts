import type { RateLimitHeaders } from '../manifest/rate-limit-policy.schema.js';

/** Seconds to wait, from a Retry-After header (delta-seconds or HTTP-date). */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/u.test(trimmed)) {
    return Number(trimmed);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now.getTime()) / 1000);
}

/** When a network's budget resets, from its reset header in the declared format. */
export function parseResetHeader(
  value: string | null | undefined,
  format: RateLimitHeaders['resetFormat'],
  now: Date,
): Date | undefined {
  if (!value) {
    return undefined;
  }
  const trimmed = value.trim();
  switch (format) {
    case 'iso8601': {
      const time = Date.parse(trimmed);
      return Number.isNaN(time) ? undefined : new Date(time);
    }
    case 'epoch-seconds': {
      const seconds = Number(trimmed);
      return Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined;
    }
    case 'delta-seconds': {
      const seconds = Number(trimmed);
      return Number.isFinite(seconds) ? new Date(now.getTime() + seconds * 1000) : undefined;
    }
  }
}
