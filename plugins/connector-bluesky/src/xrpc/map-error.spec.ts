import { describe, expect, it } from 'vitest';
import type { InvalidContentError, RateLimitedError } from '@chorus/connector-sdk';
import { mapXrpcError } from './map-error.js';

const now = new Date('2026-05-01T12:00:00Z');
const context = { operation: 'publish' as const, endpoint: 'records.create', now };

describe('mapXrpcError', () => {
  it("waits until ratelimit-reset, measured from the server's clock rather than ours", () => {
    const serverDate = new Date('2026-05-01T12:00:30Z');
    const headers = new Headers({
      'ratelimit-reset': String(serverDate.getTime() / 1000 + 90),
      date: serverDate.toUTCString(),
    });
    const error = mapXrpcError(
      429,
      headers,
      { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      context,
    );
    expect(error.kind).toBe('rate-limited');
    expect((error as RateLimitedError).retryAfter).toBe(90);
  });

  it('maps expired, invalid and missing sessions to reauth-required', () => {
    for (const name of ['ExpiredToken', 'InvalidToken', 'AuthenticationRequired', 'AccountTakedown']) {
      expect(mapXrpcError(400, new Headers(), { error: name }, context).kind).toBe('reauth-required');
    }
    expect(mapXrpcError(401, new Headers(), {}, context).kind).toBe('reauth-required');
  });

  it('turns the PDS record validation message into an issue on the field, with limit and actual', () => {
    const error = mapXrpcError(
      400,
      new Headers(),
      {
        error: 'InvalidRequest',
        message:
          'Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text',
      },
      context,
    ) as InvalidContentError;
    expect(error.kind).toBe('invalid-content');
    expect(error.issues).toEqual([
      expect.objectContaining({ path: ['text'], code: 'text-too-long', limit: 300, actual: 301 }),
    ]);
    const image = mapXrpcError(
      400,
      new Headers(),
      {
        error: 'InvalidRequest',
        message:
          'Invalid app.bsky.feed.post record: blob too big (maximum 1000000, got 1100072) at $.record.embed.images[2].image',
      },
      context,
    ) as InvalidContentError;
    expect(image.issues[0]).toMatchObject({ path: ['media', 2], code: 'media-too-large', limit: 1_000_000 });
  });

  it('treats a server error as ambiguous for a write and retriable for a read', () => {
    expect(mapXrpcError(500, new Headers(), { error: 'InternalServerError' }, context).kind).toBe(
      'ambiguous',
    );
    expect(
      mapXrpcError(
        502,
        new Headers(),
        { error: 'UpstreamFailure' },
        { ...context, operation: 'insights.post' },
      ).kind,
    ).toBe('retriable');
  });
});
