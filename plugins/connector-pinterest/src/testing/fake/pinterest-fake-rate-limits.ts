import type { RateCategory } from './pinterest-fake-routing.js';

/**
 * Pinterest's budgets (9.5): per user and app, 100 requests a second in all plus per category per minute on
 * Standard access, and 1,000 requests a day in all on Trial access. The per-category numbers are not in
 * network-apis.md: these are the fake's defaults, set lower in tests to reach a 429.
 */
export interface PinterestRateLimits {
  readonly tier: 'standard' | 'trial';
  /** Standard access: requests a second per user per app, whatever the category. */
  readonly perSecond: number;
  readonly perMinute: Readonly<Record<RateCategory, number>>;
  readonly trialPerDay: number;
}

export const PINTEREST_RATE_LIMITS: PinterestRateLimits = {
  tier: 'standard',
  perSecond: 100,
  perMinute: { org_read: 1000, org_write: 1000, org_analytics: 300 },
  trialPerDay: 1000,
};

interface Window {
  used: number;
  resetAt: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  readonly retryAfterSeconds: number;
  readonly message: string;
}

export class PinterestFakeRateLimits {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limits: PinterestRateLimits) {}

  take(category: RateCategory, userId: string, now = Date.now()): RateDecision {
    if (this.limits.tier === 'trial') {
      return this.count(
        `trial:${userId}`,
        this.limits.trialPerDay,
        86_400,
        now,
        'the Trial access daily limit',
      );
    }
    const universal = this.count(
      `universal:${userId}`,
      this.limits.perSecond,
      1,
      now,
      'the limit of requests a second',
    );
    if (!universal.allowed) {
      return universal;
    }
    return this.count(
      `${category}:${userId}`,
      this.limits.perMinute[category],
      60,
      now,
      `the ${category} rate limit`,
    );
  }

  private count(key: string, limit: number, windowSeconds: number, now: number, what: string): RateDecision {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { used: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    if (window.used >= limit) {
      return { allowed: false, retryAfterSeconds, message: `You have exceeded ${what}. Try again later.` };
    }
    window.used += 1;
    return { allowed: true, retryAfterSeconds, message: '' };
  }
}
