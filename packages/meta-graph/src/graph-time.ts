import { z } from '@chorus/connector-sdk';

// ISO 8601 as the Graph APIs write it: `2024-01-01T12:00:00+0000` (also `Z`, `+00:00`, fractions).
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/u;
// The last instant a JavaScript Date holds (ECMA-262 21.4.1.22): past it, toISOString throws RangeError.
const MAX_DATE_MS = 8.64e15;

/**
 * A Graph date-time (created_time, timestamp), answered as the ISO string Chorus stores. A value that is not
 * one fails the answer's schema, so the caller gets a classified invalid-content error naming the field instead
 * of a RangeError from `new Date(x).toISOString()`.
 */
export const graphTime = z
  .string()
  .refine((text) => ISO_DATE_TIME.test(text) && Number.isFinite(Date.parse(text)), {
    message: 'not an ISO 8601 date-time (2024-01-01T12:00:00+0000)',
  })
  .transform((text) => new Date(text).toISOString());

/** Seconds since the epoch (webhook `time`, Facebook `created_time`), within what a Date holds. */
export const unixSeconds = z
  .number()
  .int()
  .nonnegative()
  .max(MAX_DATE_MS / 1000);

/** Milliseconds since the epoch (Messenger and Instagram messaging `timestamp`), within what a Date holds. */
export const unixMillis = z.number().int().nonnegative().max(MAX_DATE_MS);
