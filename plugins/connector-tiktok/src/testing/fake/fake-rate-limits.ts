const MINUTE = 60_000;

/** Per-user-token limits of network-apis.md 7.2 and 7.3 (requests per sliding minute). */
export const TIKTOK_RATE_LIMITS: Readonly<Record<string, number>> = {
  'post.init': 6,
  'post.status': 30,
  'user.info': 600,
  'video.list': 600,
  'video.query': 600,
};

/** Sliding one-minute windows per access token and bucket; TikTok sends no rate-limit headers (0.3). */
export class FakeRateLimits {
  private readonly calls = new Map<string, number[]>();

  constructor(private readonly limits: Readonly<Record<string, number>> = TIKTOK_RATE_LIMITS) {}

  take(bucket: string, token: string, now: number): boolean {
    const limit = this.limits[bucket];
    if (limit === undefined) {
      return true;
    }
    const key = `${bucket} ${token}`;
    const recent = (this.calls.get(key) ?? []).filter((time) => time > now - MINUTE);
    if (recent.length >= limit) {
      this.calls.set(key, recent);
      return false;
    }
    recent.push(now);
    this.calls.set(key, recent);
    return true;
  }
}
