import { describe, expect, it } from 'vitest';
import { mapFormErrors, throttleSeconds } from './map-error.js';

const context = {
  operation: 'publish' as const,
  endpoint: 'submit',
  now: new Date(),
  forbidden: 'refused' as const,
};

describe('Reddit RATELIMIT messages', () => {
  it('reads the wait in minutes, seconds, hours or "a minute", and ten minutes when it cannot', () => {
    expect(throttleSeconds('Take a break for 9 minutes before trying again.')).toBe(540);
    expect(throttleSeconds('Take a break for 30 seconds before trying again.')).toBe(30);
    expect(throttleSeconds('Take a break for a minute before trying again.')).toBe(60);
    expect(throttleSeconds('Take a break for 1 hour before trying again.')).toBe(3600);
    expect(throttleSeconds('you are doing that too much')).toBe(600);
  });

  it('a RATELIMIT among other errors makes the whole answer a rate limit', () => {
    const error = mapFormErrors(
      [
        ['NO_TEXT', 'we need something here', 'title'],
        ['RATELIMIT', 'Take a break for 2 minutes before trying again.', 'ratelimit'],
      ],
      context,
    );
    expect(error.kind).toBe('rate-limited');
  });

  it('USER_REQUIRED asks to reconnect; a refusal names its field', () => {
    expect(mapFormErrors([['USER_REQUIRED', 'Please log in to do that.', '']], context).kind).toBe(
      'reauth-required',
    );
    const refused = mapFormErrors([['BAD_URL', 'you should check that url', 'url']], context);
    expect(refused).toMatchObject({
      kind: 'invalid-content',
      issues: [{ path: ['link', 'url'], code: 'reddit:BAD_URL' }],
    });
  });
});
