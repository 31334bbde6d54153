/**
 * X's rate limits (network-apis.md 5.5): a per-user and a per-app bucket per endpoint, 15-minute windows unless
 * noted, `x-rate-limit-limit/-remaining/-reset` (epoch seconds) on every response of a limited endpoint.
 */
export interface BucketRule {
  readonly requests: number;
  readonly windowSeconds: number;
}

export interface EndpointLimits {
  readonly user?: BucketRule;
  readonly app?: BucketRule;
}

const minutes15 = (requests: number): BucketRule => ({ requests, windowSeconds: 900 });
const day = (requests: number): BucketRule => ({ requests, windowSeconds: 86_400 });

export const X_RATE_LIMITS: Readonly<Record<string, EndpointLimits>> = {
  'tweets.create': { user: minutes15(100), app: day(10_000) },
  'tweets.delete': { user: minutes15(50) },
  'tweets.lookup': { user: minutes15(5_000), app: minutes15(3_500) },
  'tweet.lookup': { user: minutes15(900), app: minutes15(450) },
  'users.mentions': { user: minutes15(300), app: minutes15(450) },
  'users.tweets': { user: minutes15(900), app: minutes15(10_000) },
  'tweets.hidden': { user: minutes15(50) },
  'users.me': { user: minutes15(75) },
  'users.lookup': { user: minutes15(900), app: minutes15(300) },
  'dm.lookup': { user: minutes15(15) },
  'dm.send': { user: minutes15(15), app: day(1_440) },
  'media.upload': { user: minutes15(500), app: day(50_000) },
  'media.initialize': { user: minutes15(1_875), app: day(180_000) },
  'media.append': { user: minutes15(1_875), app: day(180_000) },
  'media.finalize': { user: minutes15(1_875), app: day(180_000) },
  'media.status': { user: minutes15(1_000), app: day(100_000) },
  'media.metadata': { user: minutes15(500) },
  webhooks: { app: minutes15(450) },
};

interface Window {
  used: number;
  resetAt: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  readonly headers: Record<string, string>;
  readonly bucket: 'user' | 'app';
}

export class XFakeRateLimits {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limits: Readonly<Record<string, EndpointLimits>>) {}

  /** Counts one request; refuses it when either bucket is spent. The user bucket's numbers go in the headers. */
  take(endpoint: string, userId: string | undefined, now = Date.now()): RateDecision {
    const rules = this.limits[endpoint];
    if (!rules) {
      return { allowed: true, headers: {}, bucket: 'user' };
    }
    const user =
      rules.user && userId ? this.window(`${endpoint}:user:${userId}`, rules.user, now) : undefined;
    const app = rules.app ? this.window(`${endpoint}:app`, rules.app, now) : undefined;
    const spentUser = user && rules.user ? user.used >= rules.user.requests : false;
    const spentApp = app && rules.app ? app.used >= rules.app.requests : false;
    const shown = spentApp && !spentUser ? { window: app!, rule: rules.app! } : undefined;
    const primary =
      shown ?? (user ? { window: user, rule: rules.user! } : { window: app!, rule: rules.app! });
    if (!spentUser && !spentApp) {
      if (user) {
        user.used += 1;
      }
      if (app) {
        app.used += 1;
      }
    }
    return {
      allowed: !spentUser && !spentApp,
      bucket: spentApp && !spentUser ? 'app' : 'user',
      headers: {
        'x-rate-limit-limit': String(primary.rule.requests),
        'x-rate-limit-remaining': String(Math.max(0, primary.rule.requests - primary.window.used)),
        'x-rate-limit-reset': String(Math.ceil(primary.window.resetAt / 1000)),
      },
    };
  }

  /** Spends a bucket until `seconds` from now, as if the account had posted a lot. */
  exhaust(endpoint: string, userId: string | undefined, seconds: number, now = Date.now()): void {
    const rules = this.limits[endpoint];
    const rule = userId ? rules?.user : rules?.app;
    if (!rule) {
      throw new Error(`no ${userId ? 'user' : 'app'} bucket for ${endpoint}`);
    }
    const key = userId ? `${endpoint}:user:${userId}` : `${endpoint}:app`;
    this.windows.set(key, { used: rule.requests, resetAt: now + seconds * 1000 });
  }

  private window(key: string, rule: BucketRule, now: number): Window {
    const current = this.windows.get(key);
    if (current && current.resetAt > now) {
      return current;
    }
    const fresh = { used: 0, resetAt: now + rule.windowSeconds * 1000 };
    this.windows.set(key, fresh);
    return fresh;
  }
}
