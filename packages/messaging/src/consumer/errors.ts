/**
 * Thrown by a handler when trying again later may succeed (a lock timeout, a briefly unavailable dependency).
 * The consumer retries it with backoff, then dead-letters it. Errors of any other class are treated the same
 * way: an unexpected error is more often transient than not, and the retry count bounds the cost.
 */
export class RetriableError extends Error {
  /** Read instead of `instanceof`, so that an error from another copy of this package still classifies. */
  readonly retriable = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetriableError';
  }
}

/** Thrown by a handler when the event can never be applied (it contradicts the state): dead-lettered at once. */
export class NonRetriableError extends Error {
  readonly retriable = false;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NonRetriableError';
  }
}

/** False only for errors that declare themselves non-retriable. */
export function isRetriable(error: unknown): boolean {
  return !(
    typeof error === 'object' &&
    error !== null &&
    (error as { retriable?: unknown }).retriable === false
  );
}
