import type { ThrottleKey } from '../../domain/auth-throttle.value-object.js';

export interface AuthThrottle {
  /** Seconds until the first locked key unlocks, or null when none is locked. */
  lockedFor(keys: readonly ThrottleKey[], now: Date): Promise<number | null>;
  /** Counts one failure on every key, locking those that reach their rule's limit. */
  recordFailure(keys: readonly ThrottleKey[], now: Date): Promise<void>;
  /** A success forgives the e-mail's past failures (not the address's). */
  clear(keys: readonly ThrottleKey[]): Promise<void>;
}
