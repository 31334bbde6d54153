export interface ThrottleRule {
  readonly limit: number;
  readonly periodSeconds: number;
}

/** Mastodon's rack-attack throttles that matter to a client (instance admins may tune them). */
export interface ThrottleConfig {
  readonly perToken: ThrottleRule;
  readonly unauthenticated: ThrottleRule;
  readonly mediaUploads: ThrottleRule;
  readonly deletes: ThrottleRule;
}

export const DEFAULT_THROTTLES: ThrottleConfig = {
  perToken: { limit: 300, periodSeconds: 300 },
  unauthenticated: { limit: 300, periodSeconds: 300 },
  mediaUploads: { limit: 30, periodSeconds: 1800 },
  deletes: { limit: 30, periodSeconds: 1800 },
};

export interface ThrottleSubject {
  readonly method: string;
  readonly path: string;
  readonly token: string | null;
  readonly accountId: string | null;
  readonly ip: string;
}

export interface ThrottleVerdict {
  readonly throttled: boolean;
  /** The X-RateLimit-* headers of the throttle closest to its limit; empty outside the API. */
  readonly headers: Record<string, string>;
}

/** Fixed windows aligned on the period, as rack-attack counts; a throttled request still counts. */
export class FakeRateLimits {
  private readonly counters = new Map<string, number>();

  constructor(
    private readonly config: ThrottleConfig,
    private readonly now: () => number,
  ) {}

  check(subject: ThrottleSubject): ThrottleVerdict {
    if (!subject.path.startsWith('/api/')) {
      return { throttled: false, headers: {} };
    }
    let closest: { rule: ThrottleRule; count: number; windowEnd: number } | undefined;
    let throttled = false;
    for (const [name, rule, key] of this.matching(subject)) {
      const nowSeconds = this.now() / 1000;
      const window = Math.floor(nowSeconds / rule.periodSeconds);
      const counterKey = `${name}:${key}:${window}`;
      const count = (this.counters.get(counterKey) ?? 0) + 1;
      this.counters.set(counterKey, count);
      if (count > rule.limit) {
        throttled = true;
      }
      const remaining = rule.limit - count;
      if (!closest || remaining < closest.rule.limit - closest.count) {
        closest = { rule, count, windowEnd: (window + 1) * rule.periodSeconds * 1000 };
      }
    }
    if (!closest) {
      return { throttled, headers: {} };
    }
    return {
      throttled,
      headers: rateLimitHeaders(closest.rule.limit, closest.rule.limit - closest.count, closest.windowEnd),
    };
  }

  private *matching(subject: ThrottleSubject): Generator<[string, ThrottleRule, string]> {
    if (subject.token) {
      yield ['per_token_api', this.config.perToken, subject.token];
    } else {
      yield ['unauthenticated_api', this.config.unauthenticated, subject.ip];
    }
    if (subject.accountId && subject.method === 'POST' && /^\/api\/v\d+\/media$/u.test(subject.path)) {
      yield ['api_media', this.config.mediaUploads, subject.accountId];
    }
    const deleting =
      (subject.method === 'DELETE' && /^\/api\/v1\/statuses\/[^/]+$/u.test(subject.path)) ||
      (subject.method === 'POST' && /^\/api\/v1\/statuses\/[^/]+\/unreblog$/u.test(subject.path));
    if (subject.accountId && deleting) {
      yield ['deletes', this.config.deletes, subject.accountId];
    }
  }
}

/** X-RateLimit-Reset is an ISO 8601 time with microseconds, as Ruby's iso8601(6) writes it. */
export function rateLimitHeaders(
  limit: number,
  remaining: number,
  resetAtMillis: number,
): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(Math.max(0, remaining)),
    'X-RateLimit-Reset': new Date(resetAtMillis).toISOString().replace(/\.(\d{3})Z$/u, '.$1000Z'),
  };
}
