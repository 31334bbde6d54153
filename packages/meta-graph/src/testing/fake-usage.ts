/** Which Business-Use-Case bucket a token spends, and the error code Meta gives when it is empty. */
export interface UsageBucket {
  /** The business object the header is keyed by (a Page, an Instagram account). */
  readonly objectId: string;
  readonly type: string;
  /** 32 for Page-level throttling, 80001 Pages BUC, 80002 Instagram BUC, 4 app-level (Threads). */
  readonly throttleCode: number;
}

export interface UsageConfig {
  /** Calls per rolling hour before throttling; the headers report calls as a percentage of it. */
  readonly callsPerHour: number;
}

const HOUR_MS = 3_600_000;

/** Counts calls per token in a rolling hour and writes the usage headers Meta sends on every answer (1.3). */
export class FakeUsage {
  private readonly calls = new Map<string, number[]>();

  constructor(
    private readonly config: UsageConfig,
    private readonly now: () => number,
  ) {}

  /** Records one call; `throttled` when the budget was already spent (the call is then refused, not counted). */
  spend(token: string, bucket: UsageBucket): { throttled: boolean; headers: Record<string, string> } {
    const now = this.now();
    const recent = (this.calls.get(token) ?? []).filter((time) => time > now - HOUR_MS);
    const throttled = recent.length >= this.config.callsPerHour;
    if (!throttled) {
      recent.push(now);
    }
    this.calls.set(token, recent);
    const percent = Math.min(100, Math.round((recent.length / this.config.callsPerHour) * 100));
    const regainMinutes = throttled
      ? Math.max(1, Math.ceil(((recent[0] ?? now) + HOUR_MS - now) / 60_000))
      : 0;
    return { throttled, headers: usageHeaders(bucket, percent, regainMinutes) };
  }
}

export function usageHeaders(
  bucket: UsageBucket,
  percent: number,
  regainMinutes: number,
): Record<string, string> {
  const usage = {
    call_count: percent,
    total_cputime: Math.floor(percent / 2),
    total_time: Math.floor(percent / 2),
  };
  return {
    'x-app-usage': JSON.stringify(usage),
    'x-business-use-case-usage': JSON.stringify({
      [bucket.objectId]: [{ type: bucket.type, ...usage, estimated_time_to_regain_access: regainMinutes }],
    }),
  };
}
