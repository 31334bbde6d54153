import type { ThrottleKey } from '../../domain/auth-throttle.value-object.js';

/**
 * Counts attempts per key. An attempt is reserved (counted as a failure) before the secret is checked, in one
 * atomic statement per key, so concurrent wrong guesses cannot all slip past a check made before any of them
 * was recorded; a success gives its reservation back.
 */
export interface AuthThrottle {
  /** Counts this attempt on every key; null when it may go ahead, else the seconds until the keys unlock. */
  reserve(keys: readonly ThrottleKey[], now: Date): Promise<number | null>;
  /**
   * The attempt was not a failure: gives its reservation back on every key, and forgives the past failures of
   * the keys in `forgive` (a good password forgives its e-mail, not its address).
   */
  release(keys: readonly ThrottleKey[], forgive?: readonly ThrottleKey[]): Promise<void>;
}
