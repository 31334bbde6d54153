/**
 * When to try a delivery again: after 10 s, 1 min, 5 min, 30 min, 2 h and 6 h (about 9 h in all), then give
 * up and keep it in the delivery log as failed. Receivers are down for minutes far more often than for days.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  10_000,
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3600_000,
  6 * 3600_000,
];

/** The delay before attempt `attemptsSoFar + 1`, or null when the attempts are used up. */
export function nextRetryDelay(attemptsSoFar: number, delays: readonly number[]): number | null {
  return delays[attemptsSoFar - 1] ?? null;
}
