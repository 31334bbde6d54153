import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '@chorus/connector-sdk';
import { mapGraphError } from './graph-error.js';

const context = { network: 'Facebook', operation: 'publish' as const, endpoint: 'feed.publish', status: 400 };

describe('mapGraphError (network-apis.md 1.2)', () => {
  it.each([4, 17, 32, 613, 80001, 80002, 341])(
    'code %i is rate-limited, waiting what the usage header says',
    (code) => {
      const error = mapGraphError(
        { code, message: 'limit' },
        { ...context, usage: { highestPercent: 100, regainSeconds: 300 } },
      );
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfter).toBe(300);
    },
  );

  it('a throttle without a regain time waits an hour', () => {
    expect((mapGraphError({ code: 4 }, context) as RateLimitedError).retryAfter).toBe(3600);
  });

  it('the Instagram publishing limit (2207042) waits a day', () => {
    const error = mapGraphError({ code: 9, error_subcode: 2207042, message: 'limit' }, context);
    expect(error.kind).toBe('rate-limited');
    expect((error as RateLimitedError).retryAfter).toBe(86_400);
  });

  it.each([
    [190, 463, /expired/],
    [190, 460, /password/],
    [190, 492, /Page role/],
    [102, undefined, /refused/],
  ])('code %i/%s is reauth-required', (code, subcode, why) => {
    const error = mapGraphError({ code, error_subcode: subcode, message: 'x' }, context);
    expect(error.kind).toBe('reauth-required');
    expect(error.message).toMatch(why);
  });

  it('a missing permission (10) is reauth-required, but the messaging window and "not enough viewers" are not', () => {
    expect(mapGraphError({ code: 10 }, context).kind).toBe('reauth-required');
    expect(mapGraphError({ code: 10, error_subcode: 2018278 }, context).kind).toBe('invalid-content');
    expect(
      mapGraphError({ code: 10, message: '(#10) Not enough viewers for the media to show insights' }, context)
        .kind,
    ).toBe('invalid-content');
  });

  it('506 duplicate is ambiguous; transient codes are ambiguous on writes and retriable on reads', () => {
    expect(mapGraphError({ code: 506 }, context).kind).toBe('ambiguous');
    expect(mapGraphError({ code: 2, is_transient: true }, context).kind).toBe('ambiguous');
    expect(mapGraphError({ code: 1 }, { ...context, operation: 'inbox.pull' }).kind).toBe('retriable');
    expect(mapGraphError({ code: 9, error_subcode: 2207003 }, context).kind).toBe('retriable');
  });

  it('on the step that publishes, a transient error is ambiguous whatever its subcode; before it, a publishing subcode stays retriable', () => {
    const publishStep = { ...context, endpoint: 'media.publish', publishes: true };
    expect(mapGraphError({ code: 9, error_subcode: 2207001, is_transient: true }, publishStep).kind).toBe(
      'ambiguous',
    );
    expect(mapGraphError({ code: 1, error_subcode: 1363047 }, publishStep).kind).toBe('ambiguous');
    expect(mapGraphError({ code: 2, error_subcode: 2207003 }, publishStep).message).toMatch(/may be live/u);
    const container = { ...context, endpoint: 'media.create' };
    expect(mapGraphError({ code: 9, error_subcode: 2207001, is_transient: true }, container).kind).toBe(
      'retriable',
    );
    // A throttle refuses the call: nothing was applied, even on the publishing step.
    expect(mapGraphError({ code: 4 }, publishStep).kind).toBe('rate-limited');
  });

  it('HTTP 429 without a throttle code is rate-limited for Retry-After (else an hour); on the publishing step it is ambiguous', () => {
    const tooMany = { code: 0, message: 'Too Many Requests' };
    const read = { ...context, operation: 'insights.account' as const, status: 429 };
    const error = mapGraphError(tooMany, { ...read, retryAfter: 120 });
    expect(error.kind).toBe('rate-limited');
    expect((error as RateLimitedError).retryAfter).toBe(120);
    expect((mapGraphError(tooMany, read) as RateLimitedError).retryAfter).toBe(3600);
    expect(mapGraphError(tooMany, { ...context, endpoint: 'media.create', status: 429 }).kind).toBe(
      'rate-limited',
    );
    expect(mapGraphError(tooMany, { ...context, status: 429, publishes: true }).kind).toBe('ambiguous');
  });

  it('content errors carry an issue on the field the subcode names', () => {
    const error = mapGraphError(
      {
        code: 100,
        error_subcode: 2207009,
        message: 'ratio',
        error_user_msg: 'Aspect ratio out of range',
        fbtrace_id: 'AbC',
      },
      context,
    );
    expect(error.kind).toBe('invalid-content');
    expect((error as unknown as { issues: unknown[] }).issues).toEqual([
      { path: ['media'], code: 'meta:100/2207009', message: 'Facebook: Aspect ratio out of range' },
    ]);
    expect(error.message).toContain('fbtrace_id');
  });

  it('code 368 (policy block) waits a day and tells the person to look at the account', () => {
    const error = mapGraphError({ code: 368 }, context);
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toMatch(/policy/);
  });

  it('codes 200-299 (permission missing or revoked, 1.2 and 1.7) are reauth-required, naming the permission to grant', () => {
    const error = mapGraphError(
      { code: 200, message: '(#200) Requires instagram_manage_comments permission to manage the object' },
      { ...context, network: 'Instagram' },
    );
    expect(error.kind).toBe('reauth-required');
    expect(error.message).toContain('instagram_manage_comments');
    expect(error.message).toMatch(
      /Reconnect the account and grant the permission instagram_manage_comments/u,
    );
    const unnamed = mapGraphError({ code: 230, message: 'x' }, context);
    expect(unnamed.kind).toBe('reauth-required');
    expect(unnamed.message).toMatch(/grant a permission for this action/u);
    expect(mapGraphError({ code: 299, message: 'x' }, context).kind).toBe('reauth-required');
    expect(mapGraphError({ code: 300, message: 'x' }, context).kind).toBe('invalid-content');
  });
});
