import { describe, expect, it } from 'vitest';
import {
  AmbiguousError,
  InvalidContentError,
  RateLimitedError,
  ReauthRequiredError,
  RetriableError,
} from '@chorus/connector-sdk';
import { mapMastodonError } from './map-error.js';

const now = new Date('2026-05-01T12:00:00.000Z');
const response = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers });

describe('mapMastodonError', () => {
  it('turns a 429 into rate-limited until X-RateLimit-Reset, measured from the server Date', () => {
    const error = mapMastodonError(
      response(429, {
        'x-ratelimit-reset': '2026-05-01T12:04:30.000000Z',
        date: 'Fri, 01 May 2026 12:02:00 GMT',
      }),
      { error: 'Too many requests' },
      'publish',
      'statuses.create',
      now,
    );
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfter).toBe(150);
    expect(error.endpoint).toBe('statuses.create');
  });

  it("turns Mastodon's validation message into a precise issue", () => {
    const error = mapMastodonError(
      response(422),
      { error: 'Validation failed: Text character limit of 500 exceeded' },
      'publish',
      'statuses.create',
      now,
    );
    expect(error).toBeInstanceOf(InvalidContentError);
    expect((error as InvalidContentError).issues).toEqual([
      expect.objectContaining({ path: ['text'], code: 'text-too-long', limit: 500 }),
    ]);
  });

  it('treats media still processing as retriable: nothing was posted', () => {
    const error = mapMastodonError(
      response(422),
      { error: 'Cannot attach files that have not finished processing. Try again in a moment!' },
      'publish',
      'statuses.create',
      now,
    );
    expect(error).toBeInstanceOf(RetriableError);
  });

  it('maps 401 and 403 to reauth-required, and 5xx by whether the call writes', () => {
    expect(
      mapMastodonError(response(401), { error: 'The access token is invalid' }, 'publish', 'x', now),
    ).toBeInstanceOf(ReauthRequiredError);
    expect(
      mapMastodonError(
        response(403),
        { error: 'This action is outside the authorized scopes' },
        'publish',
        'x',
        now,
      ),
    ).toBeInstanceOf(ReauthRequiredError);
    expect(mapMastodonError(response(502), {}, 'publish', 'x', now)).toBeInstanceOf(AmbiguousError);
    expect(mapMastodonError(response(502), {}, 'inbox.pull', 'x', now)).toBeInstanceOf(RetriableError);
  });
});
