import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError, type RateLimitedError } from '@chorus/connector-sdk';
import {
  connectedPinterest,
  failureOf,
  pinInput,
  type ConnectedPinterest,
} from './support/connected-pinterest.js';

describe('Pinterest limits and errors mapped to the SDK taxonomy (network-apis.md 9.5)', () => {
  let p: ConnectedPinterest;
  beforeAll(async () => {
    p = await connectedPinterest();
  });
  afterAll(() => p.close());

  it('a 429 on create is rate-limited with its Retry-After and never becomes a duplicate pin', async () => {
    const input = pinInput(p.boardId);
    const before = p.setup.fake.published().length;
    p.setup.fake.injectFault({ kind: 'rate-limited', retryAfterSeconds: 42 });
    const error = classifyError(await failureOf(p.connector.publish!(p.credentials, input)), 'publish');
    expect(error.kind).toBe('rate-limited');
    expect((error as RateLimitedError).retryAfter).toBe(42);
    expect(p.setup.fake.published().length).toBe(before);
    // The retry the host makes later publishes exactly once.
    await p.connector.publish!(p.credentials, input);
    expect(p.setup.fake.published().length).toBe(before + 1);
  });

  it('a board of another account is invalid content that says to choose an own board', async () => {
    const foreign = p.setup.fake.state.createBoard(p.setup.other, 'Not mine');
    const error = classifyError(
      await failureOf(p.connector.publish!(p.credentials, pinInput(foreign.id))),
      'publish',
    );
    expect(error.kind).toBe('invalid-content');
    expect(error.message).toContain('choose a board it owns');
  });

  it('a board that does not exist is invalid content naming the board', async () => {
    const error = classifyError(
      await failureOf(p.connector.publish!(p.credentials, pinInput('123'))),
      'publish',
    );
    expect(error.kind).toBe('invalid-content');
    expect(error.message).toContain('Board not found');
  });

  it('"Unable to reach the URL" for an image_url is retriable: nothing was created', async () => {
    p.setup.fake.injectFault({
      kind: 'error',
      status: 400,
      message: 'Unable to reach the URL https://cdn.test/a.jpg',
    });
    const input = pinInput(p.boardId, {
      media: [
        { kind: 'image', mimeType: 'image/jpeg', source: { kind: 'url', url: 'https://cdn.test/a.jpg' } },
      ],
    });
    const error = classifyError(await failureOf(p.connector.publish!(p.credentials, input)), 'publish');
    expect(error.kind).toBe('retriable');
  });

  it('a token missing a scope is reauth-required; an expired token too', async () => {
    const narrow = p.setup.fake.tokenFor(p.setup.account, ['pins:read']);
    const error = classifyError(
      await failureOf(p.connector.publish!({ ...p.credentials, accessToken: narrow }, pinInput(p.boardId))),
      'publish',
    );
    expect(error.kind).toBe('reauth-required');
    expect(error.message).toContain('pins:write');
    const expired = await p.connect();
    p.setup.fake.expire(expired.accessToken);
    expect(classifyError(await failureOf(p.connector.auth.verify(expired)), 'auth.verify').kind).toBe(
      'reauth-required',
    );
  });

  it('a 503 on create is ambiguous; deleting a pin that is gone succeeds', async () => {
    p.setup.fake.injectFault({ kind: 'server-error' });
    const error = classifyError(
      await failureOf(p.connector.publish!(p.credentials, pinInput(p.boardId))),
      'publish',
    );
    expect(error.kind).toBe('ambiguous');
    await p.connector.delete!(p.credentials, { remoteId: '5490000000000000001' });
  });

  it('Standard access answers 429 past its requests a second, whatever the category', async () => {
    const busy = await connectedPinterest({ rateLimits: { perSecond: 2 } });
    try {
      const before = busy.setup.fake.published().length;
      const outcomes = await Promise.allSettled(
        [1, 2, 3, 4, 5].map(() => busy.connector.publish!(busy.credentials, pinInput(busy.boardId))),
      );
      const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(refused.length).toBeGreaterThanOrEqual(1);
      for (const outcome of refused) {
        expect(classifyError(outcome.reason, 'publish').kind).toBe('rate-limited');
      }
      // At most 2 + 2 fit in the two one-second windows five concurrent creates can span. Every refused
      // create made no pin: a 429 is never a duplicate.
      expect(busy.setup.fake.published().length).toBe(before + outcomes.length - refused.length);
    } finally {
      await busy.close();
    }
  });

  it('the Trial tier answers 429 after its daily budget', async () => {
    const trial = await connectedPinterest({ rateLimits: { tier: 'trial', trialPerDay: 3 } });
    try {
      // The connect flow already used one request (GET /v5/user_account).
      await trial.connector.auth.verify(trial.credentials);
      await trial.connector.auth.verify(trial.credentials);
      const error = classifyError(
        await failureOf(trial.connector.auth.verify(trial.credentials)),
        'auth.verify',
      );
      expect(error.kind).toBe('rate-limited');
      expect(error.message).toContain('Trial');
    } finally {
      await trial.close();
    }
  });
});
