import { RateLimitedError, type Clock } from '@chorus/connector-sdk';
import type { GraphUsage } from './usage-headers.js';

/** Usage at which Meta starts throttling (percent of the budget). */
export const THROTTLE_PERCENT = 100;
/** How long to hold an account whose usage reached 100 % when Meta gives no regain time. */
export const DEFAULT_HOLD_SECONDS = 60;

/**
 * Holds an account once Meta says its budget is spent, so that no request is sent while throttled: calling on
 * prolongs the penalty (network-apis.md 1.3). Kept per connector instance, keyed by account.
 */
export class UsageGate {
  private readonly heldUntil = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** Refuses without sending while the account is held. */
  check(account: string, endpoint: string, network: string): void {
    const until = this.heldUntil.get(account);
    const now = this.clock.now().getTime();
    if (until === undefined) {
      return;
    }
    if (until <= now) {
      this.heldUntil.delete(account);
      return;
    }
    const seconds = Math.ceil((until - now) / 1000);
    throw new RateLimitedError(
      `${network} reported this account's API budget as spent; Chorus waits ${seconds} s before calling again.`,
      seconds,
      { endpoint },
    );
  }

  /** Remembers what a response said about the budget. */
  record(account: string, usage: GraphUsage | undefined): void {
    if (!usage) {
      return;
    }
    if (usage.regainSeconds > 0) {
      this.hold(account, usage.regainSeconds);
    } else if (usage.highestPercent >= THROTTLE_PERCENT) {
      this.hold(account, DEFAULT_HOLD_SECONDS);
    }
  }

  hold(account: string, seconds: number): void {
    const until = this.clock.now().getTime() + seconds * 1000;
    this.heldUntil.set(account, Math.max(until, this.heldUntil.get(account) ?? 0));
  }
}
