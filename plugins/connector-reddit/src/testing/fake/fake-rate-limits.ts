/**
 * Reddit's budget (network-apis.md 12.5): queries per minute per OAuth client id, reported on every response as
 * `X-Ratelimit-Used`, `X-Ratelimit-Remaining` (a float) and `X-Ratelimit-Reset` (seconds until the window ends);
 * over it, HTTP 429.
 */
export class RedditFakeRateLimits {
  private readonly windows = new Map<string, { used: number; resetAt: number }>();

  constructor(private readonly perMinute: number) {}

  take(clientId: string, now = Date.now()): { allowed: boolean; headers: Record<string, string> } {
    let window = this.windows.get(clientId);
    if (!window || window.resetAt <= now) {
      // Windows end on the minute, as Reddit's do.
      window = { used: 0, resetAt: (Math.floor(now / 60_000) + 1) * 60_000 };
      this.windows.set(clientId, window);
    }
    const allowed = window.used < this.perMinute;
    if (allowed) {
      window.used += 1;
    }
    return {
      allowed,
      headers: {
        'x-ratelimit-used': String(window.used),
        'x-ratelimit-remaining': (this.perMinute - window.used).toFixed(1),
        'x-ratelimit-reset': String(Math.max(1, Math.ceil((window.resetAt - now) / 1000))),
      },
    };
  }
}
