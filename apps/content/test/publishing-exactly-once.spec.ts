import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type PostFailedV1, type PostPublishedV1 } from '@chorus/contracts';
import { PublishingTestBed, type TargetState } from './support/publishing-test-bed.js';

// The publishing engine on the real PostgreSQL with the real Mastodon connector and the Mastodon fake: every
// way a call can go wrong ends with the post on the fake's own record exactly once, or with a person told.

const STATUSES = { method: 'POST', path: '/api/v1/statuses' } as const;

describe('publishing exactly once (PostgreSQL, Mastodon fake)', { timeout: 30_000 }, () => {
  let bed: PublishingTestBed;
  const caller = PublishingTestBed.newCaller();
  const channel = uuidv7();

  beforeAll(async () => {
    bed = await PublishingTestBed.start();
    await bed.startInstance();
    await bed.connectChannel(caller, channel, 'acme');
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
  });

  const publishedOnce = async (postId: string, text: string): Promise<TargetState> => {
    const [target] = await bed.untilState(caller, postId, ['published', 'failed', 'needs-review']);
    expect(target).toMatchObject({ state: 'published' });
    expect(bed.statusesSaying(text)).toBe(1);
    const events = await bed.until(
      () => Promise.resolve(bed.eventsOf('PostPublished', target!.targetId)),
      (e) => e.length > 0,
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ remoteId: target!.remoteId, url: target!.url });
    return target!;
  };

  // Calls the connector made for the target: publish calls carry its key; look-ups read the account's statuses.
  const publishCalls = (targetId: string) =>
    bed.fake.requests().filter((r) => r.path === STATUSES.path && r.idempotencyKey?.startsWith(targetId))
      .length;
  const lookups = () =>
    bed.fake.requests().filter((r) => /^\/api\/v1\/accounts\/[^/]+\/statuses$/u.test(r.path)).length;

  it('publishes a due post once, with its URL, and announces it with PostPublished', async () => {
    const text = `Fresh roast today ${uuidv7()}`;
    const { postId } = await bed.schedule(caller, [channel], text, new Date(Date.now() + 3_600_000));
    const before = await bed.targets(caller, postId);
    expect(before[0]).toMatchObject({ state: 'scheduled', url: null });
    await bed.makeDue(postId);
    const target = await publishedOnce(postId, text);
    expect(target.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/@acme\/\d+$/u);
    const payload = bed.eventsOf('PostPublished', target.targetId)[0]!.payload as PostPublishedV1;
    expect(payload).toMatchObject({ channelId: channel, network: 'mastodon', contentType: 'text' });
    // The network's own duplicate protection carried the target's key.
    const calls = bed.fake.requests().filter((r) => r.method === 'POST' && r.path === STATUSES.path);
    expect(calls.at(-1)!.idempotencyKey).toMatch(new RegExp(`^${target.targetId}:r\\d+$`, 'u'));
  });

  it('a network that hangs after applying the post: looked up, found, published once', async () => {
    const text = `Hanging network ${uuidv7()}`;
    bed.fake.injectFault({ kind: 'timeout-after-send', match: STATUSES });
    const looked = lookups();
    const { postId } = await bed.schedule(caller, [channel], text);
    const target = await publishedOnce(postId, text);
    // Found by the look-up: never sent a second time, not even under the same key.
    expect(publishCalls(target.targetId)).toBe(1);
    expect(lookups()).toBeGreaterThan(looked);
  });

  it('a network that answers garbage after applying the post: published once', async () => {
    const text = `Garbage answer ${uuidv7()}`;
    bed.proxy.next('garbage-after-apply', STATUSES.method, STATUSES.path);
    const { postId } = await bed.schedule(caller, [channel], text);
    const target = await publishedOnce(postId, text);
    expect(publishCalls(target.targetId)).toBe(1);
  });

  it('a connection dropped after the request was applied: published once', async () => {
    const text = `Dropped connection ${uuidv7()}`;
    bed.proxy.next('drop-after-apply', STATUSES.method, STATUSES.path);
    const { postId } = await bed.schedule(caller, [channel], text);
    const target = await publishedOnce(postId, text);
    expect(publishCalls(target.targetId)).toBe(1);
  });

  it('a connection reset before anything was applied: looked up, not found, published once', async () => {
    const text = `Reset before apply ${uuidv7()}`;
    bed.fake.injectFault({ kind: 'reset-before-apply', match: STATUSES });
    const { postId } = await bed.schedule(caller, [channel], text);
    const target = await publishedOnce(postId, text);
    expect(target.attempts).toBeGreaterThanOrEqual(2);
    expect(publishCalls(target.targetId)).toBe(2);
  });

  it('a 5xx from the network is ambiguous: looked up, then published once', async () => {
    const text = `Server error ${uuidv7()}`;
    bed.fake.injectFault({ kind: 'server-error', status: 503, match: STATUSES });
    const looked = lookups();
    const { postId } = await bed.schedule(caller, [channel], text);
    const target = await publishedOnce(postId, text);
    expect(publishCalls(target.targetId)).toBe(2);
    expect(lookups()).toBeGreaterThan(looked);
  });

  it('a quota (429) holds the post as waiting with the time it will go, then it goes', async () => {
    const text = `Over quota ${uuidv7()}`;
    bed.fake.injectFault({ kind: 'rate-limited', retryAfterSeconds: 2, match: STATUSES });
    const { postId } = await bed.schedule(caller, [channel], text);
    const [waiting] = await bed.untilState(caller, postId, ['waiting', 'published']);
    expect(waiting).toMatchObject({ state: 'waiting', waitingReason: 'quota' });
    expect(waiting!.reason!.message).toMatch(/quota/u);
    expect(Date.parse(waiting!.nextAttemptAt!)).toBeGreaterThan(Date.now());
    await publishedOnce(postId, text);
  });

  it("a budget the connector's manifest declares holds the post as waiting, and nothing is sent", async () => {
    const busy = uuidv7();
    await bed.connectChannel(caller, busy, 'busy');
    const credentials = bed.credentials.byChannel.get(busy)!;
    // Mastodon declares 300 requests per 5 minutes per account: spend them all.
    const mastodon = bed.host.connector('mastodon');
    for (let i = 0; i < 300; i += 1) {
      await mastodon.auth.verify(credentials);
    }
    const text = `Over the declared budget ${uuidv7()}`;
    const { postId } = await bed.schedule(caller, [busy], text);
    const [waiting] = await bed.untilState(caller, postId, ['waiting', 'published', 'failed']);
    expect(waiting).toMatchObject({ state: 'waiting', waitingReason: 'quota' });
    const goesIn = Date.parse(waiting!.nextAttemptAt!) - Date.now();
    expect(goesIn).toBeGreaterThan(60_000);
    expect(goesIn).toBeLessThanOrEqual(300_000);
    expect(publishCalls(waiting!.targetId)).toBe(0);
    expect(bed.statusesSaying(text)).toBe(0);
  });

  it('content the network refuses fails with a reason and what to do; a retry after it publishes once', async () => {
    const text = `Refused once ${uuidv7()}`;
    bed.fake.injectFault({
      kind: 'invalid-content',
      message: 'Text contains a forbidden word',
      match: STATUSES,
    });
    const { postId } = await bed.schedule(caller, [channel], text);
    const [failed] = await bed.untilState(caller, postId, ['failed', 'published']);
    expect(failed).toMatchObject({ state: 'failed', reason: { code: 'rejected-by-network' } });
    expect(failed!.reason!.message).toMatch(/forbidden word/u);
    expect(failed!.reason!.action).toMatch(/retry/iu);
    const event = await bed.until(
      () => Promise.resolve(bed.eventsOf('PostFailed', failed!.targetId)),
      (e) => e.length > 0,
    );
    expect((event[0]!.payload as PostFailedV1).reason.code).toBe('rejected-by-network');
    expect(bed.statusesSaying(text)).toBe(0);

    const retried = await bed.call(caller, 'POST', `/posts/${postId}/targets/${failed!.targetId}/retry`);
    expect(retried.status).toBe(200);
    const published = await publishedOnce(postId, text);

    const again = await bed.call<{ message: string; url: string }>(
      caller,
      'POST',
      `/posts/${postId}/targets/${published.targetId}/retry`,
    );
    expect(again.status).toBe(409);
    expect(again.body.url).toBe(published.url);
    expect(again.body.message).toContain(published.url!);
    expect(bed.statusesSaying(text)).toBe(1);
  });

  it('a channel that must be reconnected fails with that reason, and nothing is sent', async () => {
    const lapsed = uuidv7();
    await bed.connectChannel(caller, lapsed, 'lapsed');
    bed.credentials.mustReconnect.add(lapsed);
    const text = `Lapsed channel ${uuidv7()}`;
    const { postId } = await bed.schedule(caller, [lapsed], text);
    const [failed] = await bed.untilState(caller, postId, ['failed', 'published']);
    expect(failed).toMatchObject({ state: 'failed', reason: { code: 'reauth-required' } });
    expect(failed!.reason!.action).toMatch(/Reconnect the channel/u);
    expect(bed.statusesSaying(text)).toBe(0);
  });

  it('rejects a retry of an unknown target with 404 and a bad review body with 400 naming the field', async () => {
    const text = `Validation ${uuidv7()}`;
    const { postId, targets } = await bed.schedule(caller, [channel], text, new Date(Date.now() + 3_600_000));
    const unknown = await bed.call(caller, 'POST', `/posts/${postId}/targets/${uuidv7()}/retry`);
    expect(unknown.status).toBe(404);
    const bad = await bed.call<{ problems: { field: string }[] }>(
      caller,
      'POST',
      `/posts/${postId}/targets/${targets.get(channel)}/review`,
      { outcome: 'published', url: 'not a link' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p) => p.field)).toContain('url');
    const notDue = await bed.call(caller, 'POST', `/posts/${postId}/targets/${targets.get(channel)}/retry`);
    expect(notDue.status).toBe(409);
  });

  it('when the connector cannot tell, the target needs review and a person settles it', async () => {
    const text = `Said three times ${uuidv7()}`;
    const credentials = bed.credentials.byChannel.get(channel)!;
    const mastodon = bed.host.connector('mastodon');
    // Someone posted the same words twice by hand; then Chorus's own attempt hangs after it was applied.
    for (const key of ['by-hand-1', 'by-hand-2']) {
      await mastodon.publish!(credentials, { idempotencyKey: key, fingerprint: key, post: { text } });
    }
    bed.fake.injectFault({ kind: 'timeout-after-send', match: STATUSES });
    const { postId } = await bed.schedule(caller, [channel], text);
    const [review] = await bed.untilState(caller, postId, ['needs-review', 'published', 'failed']);
    expect(review).toMatchObject({ state: 'needs-review', reason: { code: 'outcome-unknown' } });
    expect(review!.reason!.action).toMatch(/If the post is there/u);
    const alert = await bed.until(
      () => Promise.resolve(bed.eventsOf('PostNeedsReview', review!.targetId)),
      (e) => e.length > 0,
    );
    expect(alert).toHaveLength(1);
    expect(bed.statusesSaying(text)).toBe(3); // nothing sent again: two by hand, one by Chorus

    const url = `${bed.fake.url}/@acme/123456`;
    const settled = await bed.call<TargetState>(
      caller,
      'POST',
      `/posts/${postId}/targets/${review!.targetId}/review`,
      { outcome: 'published', url },
    );
    expect(settled).toMatchObject({ status: 200, body: { state: 'published', url } });
    const announced = await bed.until(
      () => Promise.resolve(bed.eventsOf('PostPublished', review!.targetId)),
      (e) => e.length > 0,
    );
    expect(announced).toHaveLength(1);
    const retry = await bed.call<{ url: string }>(
      caller,
      'POST',
      `/posts/${postId}/targets/${review!.targetId}/retry`,
    );
    expect(retry).toMatchObject({ status: 409, body: { url } });
    expect(bed.statusesSaying(text)).toBe(3);
  });

  it('a person who checked that a needs-review post is not out has it published', async () => {
    const text = `Not out after all ${uuidv7()}`;
    const credentials = bed.credentials.byChannel.get(channel)!;
    const mastodon = bed.host.connector('mastodon');
    for (const key of ['twin-1', 'twin-2']) {
      await mastodon.publish!(credentials, { idempotencyKey: key, fingerprint: key, post: { text } });
    }
    bed.fake.injectFault({ kind: 'reset-before-apply', match: STATUSES });
    const { postId } = await bed.schedule(caller, [channel], text);
    const [review] = await bed.untilState(caller, postId, ['needs-review', 'published', 'failed']);
    expect(review!.state).toBe('needs-review');
    expect(bed.statusesSaying(text)).toBe(2);
    const answer = await bed.call(caller, 'POST', `/posts/${postId}/targets/${review!.targetId}/review`, {
      outcome: 'not-published',
    });
    expect(answer.status).toBe(200);
    const [done] = await bed.untilState(caller, postId, ['published', 'failed', 'needs-review']);
    expect(done!.state).toBe('published');
    expect(bed.statusesSaying(text)).toBe(3);
  });

  describe('an edit that arrives while the target cannot take it', () => {
    /** Edits the post's text (PUT, on its current revision); the scheduled time stays. */
    const edit = async (postId: string, text: string) => {
      const post = await bed.call<{ revision: number }>(caller, 'GET', `/posts/${postId}`);
      const edited = await bed.call(caller, 'PUT', `/posts/${postId}`, {
        revision: post.body.revision,
        text,
        targets: [{ channelId: channel }],
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    };
    /** A post with `text` scheduled an hour ahead on the channel: its id and its target's. */
    const scheduledAhead = async (text: string) => {
      const { postId, targets } = await bed.schedule(
        caller,
        [channel],
        text,
        new Date(Date.now() + 3_600_000),
      );
      return { postId, targetId: targets.get(channel)! };
    };
    const row = async (targetId: string) =>
      (
        await bed.sql<{ state: string; revision: number; pending: { revision: number } | null }>(
          `SELECT state, revision, pending FROM content.publication WHERE target_id = $1`,
          [targetId],
        )
      )[0]!;

    it('waiting to be looked up: the look-up finds nothing, then the newest version goes, once', async () => {
      const older = `Before the edit ${uuidv7()}`;
      const newer = `After the edit ${uuidv7()}`;
      const { postId, targetId } = await scheduledAhead(older);
      // As a publisher killed mid-call leaves it: a call may be out, to be looked up (held for now).
      await bed.sql(
        `UPDATE content.publication SET state = 'waiting', waiting_reason = 'checking', must_look = true,
           attempt_started_at = now(), last_call_ended_at = now(), first_attempt_at = now(),
           next_attempt_at = now() + interval '1 hour' WHERE target_id = $1`,
        [targetId],
      );
      const before = (await row(targetId)).revision;
      await edit(postId, newer);
      const held = await row(targetId);
      expect(held).toMatchObject({ state: 'waiting', revision: before });
      expect(held.pending!.revision).toBeGreaterThan(before);
      const looked = lookups();
      await bed.sql(`UPDATE content.publication SET next_attempt_at = now() WHERE target_id = $1`, [
        targetId,
      ]);
      // Looked up with the older version's keys: not out. The target takes the newest revision, at the
      // post's time (still an hour ahead).
      const taken = await bed.until(
        () => row(targetId),
        (r) => r.pending === null,
      );
      expect(taken).toMatchObject({ state: 'scheduled', revision: held.pending!.revision });
      expect(lookups()).toBeGreaterThan(looked);
      await bed.makeDue(postId);
      await publishedOnce(postId, newer);
      expect(bed.statusesSaying(older)).toBe(0);
      expect(bed.postsWithKey(`${targetId}:r${held.pending!.revision}`)).toBe(1);
    });

    it('needing review: a person who says it is not out has the newest version published', async () => {
      const older = `Reviewed before the edit ${uuidv7()}`;
      const newer = `Reviewed after the edit ${uuidv7()}`;
      const { postId, targetId } = await scheduledAhead(older);
      await bed.sql(
        `UPDATE content.publication SET state = 'needs-review', must_look = true, attempt_started_at = now(),
           reason_code = 'outcome-unknown', reason_message = 'cannot tell', reason_action = 'look'
         WHERE target_id = $1`,
        [targetId],
      );
      await edit(postId, newer);
      expect((await row(targetId)).state).toBe('needs-review');
      const answer = await bed.call(caller, 'POST', `/posts/${postId}/targets/${targetId}/review`, {
        outcome: 'not-published',
      });
      expect(answer.status).toBe(200);
      // Still an hour ahead: the edit kept the post's time.
      const [scheduled] = await bed.targets(caller, postId);
      expect(scheduled).toMatchObject({ state: 'scheduled' });
      await bed.makeDue(postId);
      await publishedOnce(postId, newer);
      expect(bed.statusesSaying(older)).toBe(0);
    });

    it('being sent by a publisher that stopped before its call: the newest version goes, once', async () => {
      const older = `Claimed before the edit ${uuidv7()}`;
      const newer = `Claimed after the edit ${uuidv7()}`;
      const { postId, targetId } = await scheduledAhead(older);
      // Claimed by another publisher, its call not started; it beats until the edit is in.
      const worker = uuidv7();
      await bed.sql(
        `INSERT INTO content.publisher_instance (instance_id, started_at, heartbeat_at)
         VALUES ($1, now(), now() + interval '1 hour')`,
        [worker],
      );
      await bed.sql(
        `UPDATE content.publication SET state = 'publishing', attempt_id = gen_random_uuid(), worker_id = $2,
           lease_until = now() + interval '1 hour', attempts = 1, first_attempt_at = now(),
           next_attempt_at = now()
         WHERE target_id = $1`,
        [targetId, worker],
      );
      const before = (await row(targetId)).revision;
      await edit(postId, newer);
      expect(await row(targetId)).toMatchObject({ state: 'publishing', revision: before });
      expect((await row(targetId)).pending).not.toBeNull();
      // It stops: the orphan recovery sends the target back with the newest revision, at the post's time
      // (an hour ahead).
      await bed.sql(`DELETE FROM content.publisher_instance WHERE instance_id = $1`, [worker]);
      await bed.until(
        () => row(targetId),
        (r) => r.state !== 'publishing' && r.pending === null && r.revision > before,
      );
      await bed.sql(`UPDATE content.publication SET next_attempt_at = now() WHERE target_id = $1`, [
        targetId,
      ]);
      await publishedOnce(postId, newer);
      expect(bed.statusesSaying(older)).toBe(0);
    });
  });
});
