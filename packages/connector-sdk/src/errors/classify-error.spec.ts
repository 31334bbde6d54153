import { describe, expect, it } from 'vitest';
import { classifyError } from './classify-error.js';
import { errorFromResponse } from './error-from-response.js';
import {
  AmbiguousError,
  CONNECTOR_ERROR_BRAND,
  InvalidContentError,
  RateLimitedError,
  ReauthRequiredError,
  RetriableError,
} from './connector-errors.js';

describe('classifyError', () => {
  it('treats an unknown failure of publish as ambiguous, never as retriable', () => {
    const error = classifyError(
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'publish',
    );
    expect(error).toBeInstanceOf(AmbiguousError);
    expect(classifyError('a string was thrown')).toBeInstanceOf(AmbiguousError);
  });

  it('treats an unknown failure of a read as retriable', () => {
    expect(classifyError(new Error('boom'), 'inbox.pull')).toBeInstanceOf(RetriableError);
  });

  it('treats a refused connection as ambiguous for publish (an earlier request of it may have been applied), retriable for a read', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(classifyError(refused, 'publish')).toBeInstanceOf(AmbiguousError);
    const read = classifyError(refused, 'inbox.pull');
    expect(read).toBeInstanceOf(RetriableError);
    expect(read.message).toMatch(/could not be reached/u);
  });

  it('keeps taxonomy errors as they are', () => {
    const error = new RateLimitedError('slow down', 30);
    expect(classifyError(error, 'publish')).toBe(error);
  });

  it('recognises taxonomy errors from another copy of the SDK by their brand', () => {
    const foreign = Object.assign(new Error('quota'), {
      kind: 'rate-limited',
      retryAfter: 12,
      [CONNECTOR_ERROR_BRAND]: true,
    });
    const error = classifyError(foreign, 'publish');
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfter).toBe(12);
  });
});

describe('errorFromResponse', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  const response = (status: number, headers: Record<string, string> = {}) =>
    new Response('{}', { status, headers });

  it('maps 429 to rate-limited with Retry-After in seconds or as a date', () => {
    const seconds = errorFromResponse(response(429, { 'retry-after': '42' }), { operation: 'publish', now });
    expect(seconds).toBeInstanceOf(RateLimitedError);
    expect((seconds as RateLimitedError).retryAfter).toBe(42);
    const date = errorFromResponse(response(429, { 'retry-after': 'Fri, 01 May 2026 12:01:00 GMT' }), {
      operation: 'publish',
      now,
    });
    expect((date as RateLimitedError).retryAfter).toBe(60);
  });

  it('maps 401 to reauth-required, 422 to invalid-content, 5xx by operation', () => {
    expect(errorFromResponse(response(401), { operation: 'publish' })).toBeInstanceOf(ReauthRequiredError);
    expect(errorFromResponse(response(422), { operation: 'publish' })).toBeInstanceOf(InvalidContentError);
    expect(errorFromResponse(response(502), { operation: 'publish' })).toBeInstanceOf(AmbiguousError);
    expect(errorFromResponse(response(502), { operation: 'insights.post' })).toBeInstanceOf(RetriableError);
  });
});
