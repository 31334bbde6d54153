import { describe, expect, it } from 'vitest';
import {
  AmbiguousError,
  InvalidContentError,
  RateLimitedError,
  ReauthRequiredError,
  RetriableError,
} from '@chorus/connector-sdk';
import {
  afterLookup,
  afterLookupError,
  afterPublishError,
  type StepContext,
} from './publish-outcome.value-object.js';
import { DEFAULT_PUBLISHING_POLICY } from './publishing-policy.value-object.js';

const now = new Date('2026-03-01T10:00:00Z');
const ctx: StepContext = { now, policy: DEFAULT_PUBLISHING_POLICY, failures: 0, network: 'Mastodon' };

describe('publish outcomes', () => {
  it('definitely-not-sent failures retry with growing backoff, then fail for a person', () => {
    const first = afterPublishError(new RetriableError('refused'), ctx);
    const third = afterPublishError(new RetriableError('refused'), { ...ctx, failures: 2 });
    expect(first).toMatchObject({ kind: 'waiting', reason: 'retry', mustLook: false, failed: true });
    expect(third.kind === 'waiting' && first.kind === 'waiting' && third.until > first.until).toBe(true);
    const last = afterPublishError(new RetriableError('refused'), { ...ctx, failures: 5 });
    expect(last).toMatchObject({ kind: 'failed', code: 'retries-exhausted' });
  });

  it('a quota waits until the reset, without counting as a failure', () => {
    expect(afterPublishError(new RateLimitedError('429', 90), { ...ctx, failures: 5 })).toEqual({
      kind: 'waiting',
      reason: 'quota',
      until: new Date(now.getTime() + 90_000),
      mustLook: false,
      failed: false,
      message: expect.stringMatching(/quota/u) as unknown,
    });
  });

  it('an ambiguous failure is never retried blindly: it must be looked up first', () => {
    expect(afterPublishError(new AmbiguousError('timeout after send'), ctx)).toMatchObject({
      kind: 'waiting',
      reason: 'checking',
      mustLook: true,
    });
    expect(afterPublishError(new AmbiguousError('again'), { ...ctx, failures: 5 })).toMatchObject({
      kind: 'needs-review',
      code: 'outcome-unknown',
    });
  });

  it('refused content and refused access fail with what to do', () => {
    expect(afterPublishError(new InvalidContentError('too long'), ctx)).toMatchObject({
      kind: 'failed',
      code: 'rejected-by-network',
      action: expect.stringMatching(/Edit the post/u) as unknown,
    });
    expect(afterPublishError(new ReauthRequiredError('revoked'), ctx)).toMatchObject({
      kind: 'failed',
      code: 'reauth-required',
    });
  });

  it('a look-up: found is published, unknown is a review, not-found waits out the visibility delay', () => {
    const found = {
      status: 'found',
      remoteId: '9',
      url: 'https://m.example/@a/9',
      publishedAt: now.toISOString(),
    } as const;
    expect(afterLookup(found, { ...ctx, lastCallEndedAt: now })).toMatchObject({
      kind: 'published',
      remoteId: '9',
    });
    expect(
      afterLookup({ status: 'unknown', reason: 'two look alike' }, { ...ctx, lastCallEndedAt: now }),
    ).toMatchObject({
      kind: 'needs-review',
      message: expect.stringMatching(/two look alike/u) as unknown,
    });
    const early = afterLookup(
      { status: 'not-found' },
      { ...ctx, lastCallEndedAt: new Date(now.getTime() - 1_000) },
    );
    expect(early).toMatchObject({ kind: 'waiting', reason: 'checking', mustLook: true, failed: false });
    const late = afterLookup(
      { status: 'not-found' },
      {
        ...ctx,
        lastCallEndedAt: new Date(now.getTime() - DEFAULT_PUBLISHING_POLICY.visibilityDelayMs),
      },
    );
    expect(late).toEqual({ kind: 'publish' });
  });

  it('a long call: "not found" is believed a visibility delay after the call ended, not after it started', () => {
    // The call started long ago but only gave up a second ago: its request may still be landing.
    const ended = new Date(now.getTime() - 1_000);
    const waiting = afterLookup({ status: 'not-found' }, { ...ctx, lastCallEndedAt: ended });
    expect(waiting).toMatchObject({ kind: 'waiting', reason: 'checking', mustLook: true });
    expect(waiting.kind === 'waiting' && waiting.until.getTime()).toBe(
      ended.getTime() + DEFAULT_PUBLISHING_POLICY.visibilityDelayMs,
    );
  });

  it('a rate-limited look-up waits for the reset and is not counted as a failure', () => {
    const limited = afterLookupError(new RateLimitedError('slow down', 120), { ...ctx, failures: 5 });
    expect(limited).toMatchObject({ kind: 'waiting', reason: 'checking', mustLook: true, failed: false });
    expect(limited.kind === 'waiting' && limited.until.getTime()).toBe(now.getTime() + 120_000);
  });

  it('a look-up that cannot be made with the channel refused asks a person', () => {
    expect(afterLookupError(new ReauthRequiredError('revoked'), ctx)).toMatchObject({ kind: 'needs-review' });
    expect(afterLookupError(new RetriableError('down'), ctx)).toMatchObject({
      kind: 'waiting',
      mustLook: true,
    });
  });
});
