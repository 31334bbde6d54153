import type { Clock } from '@chorus/connector-sdk';

export interface WindowRule {
  readonly requests: number;
  readonly windowSeconds: number;
}

export type Acquisition =
  { readonly ok: true } | { readonly ok: false; readonly waitMs: number; readonly key: string };

/**
 * Sliding-window counters per key (network, account, endpoint), plus blocks set from the network's own signals
 * (a 429, a budget header at zero). Taking a slot is all-or-nothing across the rules that apply.
 */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  private readonly blocks = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  tryAcquire(
    slots: readonly { readonly key: string; readonly rule: WindowRule }[],
    blockKeys: readonly string[],
  ): Acquisition {
    const now = this.clock.now().getTime();
    for (const key of blockKeys) {
      const until = this.blocks.get(key);
      if (until !== undefined && until > now) {
        return { ok: false, waitMs: until - now, key };
      }
    }
    for (const { key, rule } of slots) {
      const recent = this.recent(key, rule, now);
      if (recent.length >= rule.requests) {
        return { ok: false, waitMs: recent[0]! + rule.windowSeconds * 1000 - now, key };
      }
    }
    for (const { key, rule } of slots) {
      this.recent(key, rule, now).push(now);
    }
    return { ok: true };
  }

  /** Refuse everything under this key until the given time (never shortens an existing block). */
  block(key: string, untilMs: number): void {
    this.blocks.set(key, Math.max(untilMs, this.blocks.get(key) ?? 0));
  }

  private recent(key: string, rule: WindowRule, now: number): number[] {
    const since = now - rule.windowSeconds * 1000;
    const kept = (this.windows.get(key) ?? []).filter((time) => time > since);
    this.windows.set(key, kept);
    return kept;
  }
}

export function limiterKey(connectorId: string, accountId: string | null, endpoint: string): string {
  return `${connectorId}|${accountId ?? '-'}|${endpoint}`;
}
