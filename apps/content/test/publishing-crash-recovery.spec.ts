import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandBus } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { PublishTargetCommand } from '../src/application/commands/publish-target/publish-target.command.js';
import type { PublicationRepository } from '../src/application/ports/publication-repository.port.js';
import type { PostRepository } from '../src/application/ports/post-repository.port.js';
import { POST_REPOSITORY, PUBLICATION_REPOSITORY } from '../src/content.tokens.js';
import { FAST_PUBLISHER, PublishingTestBed } from './support/publishing-test-bed.js';

// Several publishers on one PostgreSQL database, and publishers that die in the middle of an attempt.

const STATUSES = { method: 'POST', path: '/api/v1/statuses' } as const;

describe('fencing: a stale attempt cannot record anything (no publisher running)', () => {
  let bed: PublishingTestBed;
  const caller = PublishingTestBed.newCaller();
  const channel = uuidv7();

  beforeAll(async () => {
    bed = await PublishingTestBed.start({ idempotencyTtlSeconds: 0 });
    await bed.startInstance({ ...FAST_PUBLISHER, enabled: false });
    await bed.connectChannel(caller, channel, 'fenced');
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
  });

  /** The target is due now by the database's clock (claims compare with it, never with the process's). */
  const makeDue = (targetId: string) =>
    bed.instances[0]!.service.serviceDb.asSystem((tx) =>
      tx.query(
        `UPDATE content.publication SET next_attempt_at = now() - interval '1 second' WHERE target_id = $1`,
        [targetId],
      ),
    );
  const rowOf = async (targetId: string) => {
    const rows = await bed.instances[0]!.service.serviceDb.asSystem((tx) =>
      tx.query<{
        state: string;
        waiting_reason: string | null;
        must_look: boolean;
        next_attempt_at: Date;
        attempt_started_at: Date | null;
        call_started_at: Date | null;
        last_call_ended_at: Date | null;
      }>(
        `SELECT state, waiting_reason, must_look, next_attempt_at, attempt_started_at, call_started_at,
                last_call_ended_at
           FROM content.publication WHERE target_id = $1`,
        [targetId],
      ),
    );
    return rows[0]!;
  };

  it('records only the outcome of the attempt that holds the target, and the intent before the call', async () => {
    const { targets } = await bed.schedule(
      caller,
      [channel],
      `Fenced ${uuidv7()}`,
      new Date(Date.now() + 3_600_000),
    );
    const targetId = targets.get(channel)!;
    await makeDue(targetId);
    const repository = bed.instances[0]!.service.app.get<PublicationRepository>(PUBLICATION_REPOSITORY);
    const [first] = await repository.claimDue(uuidv7(), 10, 60_000);
    expect(first).toMatchObject({ targetId, mustLook: false, lastCallAt: null });
    // The intent is committed: another publisher sees the target as publishing and cannot claim it.
    expect(await repository.claimDue(uuidv7(), 10, 60_000)).toEqual([]);
    // Its worker never beat and its call has not started: the reconciler hands the target back at once, and
    // the first attempt can no longer start its call.
    expect(await repository.recoverOrphans(1_500, 400)).toBe(1);
    expect(await repository.startCall(first!, 60_000)).toBe(false);
    expect(await rowOf(targetId)).toMatchObject({
      state: 'waiting',
      must_look: false,
      call_started_at: null,
    });
    const [second] = await repository.claimDue(uuidv7(), 10, 60_000);
    expect(second).toMatchObject({ targetId, mustLook: false, lastCallAt: null });
    expect(second!.attemptId).not.toBe(first!.attemptId);
    expect(await repository.startCall(second!, 60_000)).toBe(true);
    expect(await rowOf(targetId)).toMatchObject({ state: 'publishing', must_look: true });
    const remote = {
      kind: 'published',
      remoteId: '1',
      url: 'https://m.example/@a/1',
      publishedAt: new Date(),
    } as const;
    expect(await repository.settle(first!, remote, new Date())).toBe(false);
    expect(await repository.settle(second!, remote, new Date())).toBe(true);
    expect(await repository.settle(second!, remote, new Date())).toBe(false);
    const events = await bed.until(
      () => Promise.resolve(bed.eventsOf('PostPublished', targetId)),
      (e) => e.length > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bed.eventsOf('PostPublished', targetId)).toHaveLength(events.length);
    expect(events).toHaveLength(1);
  });

  it('never takes over a started call before its lease ends, then looks it up after the visibility delay', async () => {
    const { targets } = await bed.schedule(
      caller,
      [channel],
      `Leased ${uuidv7()}`,
      new Date(Date.now() + 3_600_000),
    );
    const targetId = targets.get(channel)!;
    await makeDue(targetId);
    const repository = bed.instances[0]!.service.app.get<PublicationRepository>(PUBLICATION_REPOSITORY);
    // A worker that never beat (as good as dead by its heartbeat) whose call is out.
    const [attempt] = await repository.claimDue(uuidv7(), 10, 60_000);
    expect(await repository.startCall(attempt!, 1_000)).toBe(true);
    expect(await repository.recoverOrphans(1, 5_000)).toBe(0);
    expect((await rowOf(targetId)).state).toBe('publishing');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await repository.recoverOrphans(1, 5_000)).toBe(1);
    const row = await rowOf(targetId);
    expect(row).toMatchObject({ state: 'waiting', waiting_reason: 'checking', must_look: true });
    // Looked up (never resent blindly) no earlier than the visibility delay after the call ended: past its
    // lease it cannot be running any more, so it counts as ended when it was recovered.
    const ended = new Date(row.last_call_ended_at!).getTime();
    expect(ended).toBeGreaterThanOrEqual(new Date(row.attempt_started_at!).getTime() + 1_000);
    expect(new Date(row.next_attempt_at).getTime()).toBe(ended + 5_000);
    expect(await repository.claimDue(uuidv7(), 10, 60_000)).toEqual([]);
  });

  it('a worker taken for dead before its call makes no call at all', async () => {
    const text = `Taken for dead ${uuidv7()}`;
    const { targets } = await bed.schedule(caller, [channel], text, new Date(Date.now() + 3_600_000));
    const targetId = targets.get(channel)!;
    await makeDue(targetId);
    const app = bed.instances[0]!.service.app;
    const repository = app.get<PublicationRepository>(PUBLICATION_REPOSITORY);
    const [attempt] = await repository.claimDue(uuidv7(), 10, 60_000);
    expect(await repository.recoverOrphans(1_500, 400)).toBe(1);
    expect(await app.get(CommandBus).execute(new PublishTargetCommand(attempt!))).toBe(false);
    expect(bed.statusesSaying(text)).toBe(0);
    expect(bed.fake.requests().filter((r) => r.path === STATUSES.path && r.method === 'POST')).toEqual([]);
  });
});

describe('a post taken off the calendar sends nothing (no publisher running)', () => {
  let bed: PublishingTestBed;
  const caller = PublishingTestBed.newCaller();
  const channel = uuidv7();

  beforeAll(async () => {
    bed = await PublishingTestBed.start({ idempotencyTtlSeconds: 0 });
    await bed.startInstance({ ...FAST_PUBLISHER, enabled: false });
    await bed.connectChannel(caller, channel, 'unscheduled');
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
  });

  it('cancels the targets of a post sent back to draft (an edit that needs approval again)', async () => {
    const dueAt = new Date(Date.now() + 3_600_000);
    const { postId } = await bed.schedule(caller, [channel], `Back to draft ${uuidv7()}`, dueAt);
    expect(await bed.targets(caller, postId)).toHaveLength(1);
    const app = bed.instances[0]!.service.app;
    const posts = app.get<PostRepository>(POST_REPOSITORY);
    const post = (await posts.find(caller.tenantId, caller.workspaceId, postId))!;
    const revision = post.snapshot().revision;
    post.unschedule(revision, caller.userId, new Date());
    await posts.save(post, revision);
    expect(await bed.targets(caller, postId)).toEqual([]);
    const repository = app.get<PublicationRepository>(PUBLICATION_REPOSITORY);
    await bed.instances[0]!.service.serviceDb.asSystem((tx) =>
      tx.query(`UPDATE content.publication SET next_attempt_at = now() WHERE post_id = $1`, [postId]),
    );
    expect(await repository.claimDue(uuidv7(), 10, 60_000)).toEqual([]);
  });

  it('a post sent back to draft while its target is being checked is never published', async () => {
    const text = `Back to draft while checking ${uuidv7()}`;
    const { postId, targets } = await bed.schedule(caller, [channel], text, new Date(Date.now() + 3_600_000));
    const targetId = targets.get(channel)!;
    const app = bed.instances[0]!.service.app;
    const db = bed.instances[0]!.service.serviceDb;
    await db.asSystem((tx) =>
      tx.query(`UPDATE content.publication SET next_attempt_at = now() WHERE target_id = $1`, [targetId]),
    );
    const repository = app.get<PublicationRepository>(PUBLICATION_REPOSITORY);
    // An attempt whose call may have gone out (it did not): the target waits to be looked up.
    const [first] = await repository.claimDue(uuidv7(), 10, 60_000);
    expect(await repository.startCall(first!, 60_000)).toBe(true);
    const checking = {
      kind: 'waiting',
      reason: 'checking',
      until: new Date(0),
      mustLook: true,
      failed: false,
      message: 'checking',
    } as const;
    expect(await repository.settle(first!, checking, new Date())).toBe(true);
    // Meanwhile the post goes back to draft: the target cannot be cancelled yet (it may be out).
    const posts = app.get<PostRepository>(POST_REPOSITORY);
    const post = (await posts.find(caller.tenantId, caller.workspaceId, postId))!;
    const revision = post.snapshot().revision;
    post.unschedule(revision, caller.userId, new Date());
    await posts.save(post, revision);
    // After the visibility delay the look-up finds nothing: the target is cancelled, not published.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [second] = await repository.claimDue(uuidv7(), 10, 60_000);
    expect(second).toMatchObject({ targetId, mustLook: true, cancelRequested: true });
    expect(await app.get(CommandBus).execute(new PublishTargetCommand(second!))).toBe(true);
    const [row] = await db.asSystem((tx) =>
      tx.query<{ state: string }>(`SELECT state FROM content.publication WHERE target_id = $1`, [targetId]),
    );
    expect(row!.state).toBe('cancelled');
    expect(bed.statusesSaying(text)).toBe(0);
  });

  it('an edit between the claim and the call: no call with the older text, the target takes the newest', async () => {
    const older = `Claimed then edited ${uuidv7()}`;
    const newer = `Edited after the claim ${uuidv7()}`;
    const { postId, targets } = await bed.schedule(
      caller,
      [channel],
      older,
      new Date(Date.now() + 3_600_000),
    );
    const targetId = targets.get(channel)!;
    const makeDue = () =>
      bed.sql(`UPDATE content.publication SET next_attempt_at = now() WHERE target_id = $1`, [targetId]);
    await makeDue();
    const app = bed.instances[0]!.service.app;
    const repository = app.get<PublicationRepository>(PUBLICATION_REPOSITORY);
    const [claimed] = await repository.claimDue(uuidv7(), 10, 60_000);
    expect(claimed).toMatchObject({ targetId, superseded: false });
    const post = await bed.call<{ revision: number }>(caller, 'GET', `/posts/${postId}`);
    const edited = await bed.call(caller, 'PUT', `/posts/${postId}`, {
      revision: post.body.revision,
      text: newer,
      targets: [{ channelId: channel }],
    });
    expect(edited.status).toBe(200);
    // The call start is refused; the attempt, run as the publisher runs it, makes no call.
    expect(await repository.startCall(claimed!, 60_000)).toBe(false);
    expect(await app.get(CommandBus).execute(new PublishTargetCommand(claimed!))).toBe(true);
    const [row] = await bed.sql(
      `SELECT state, must_look, call_started_at, pending FROM content.publication WHERE target_id = $1`,
      [targetId],
    );
    expect(row).toMatchObject({ state: 'scheduled', must_look: false, call_started_at: null, pending: null });
    expect(bed.statusesSaying(older)).toBe(0);
    await makeDue();
    const [next] = await repository.claimDue(uuidv7(), 10, 60_000);
    expect(next).toMatchObject({ targetId, superseded: false, mustLook: false });
    expect(next!.payload.text).toBe(newer);
    expect(next!.idempotencyKey).not.toBe(claimed!.idempotencyKey);
  });
});

describe('publishers that die, and publishers side by side (PostgreSQL, Mastodon fake)', () => {
  let bed: PublishingTestBed;
  const caller = PublishingTestBed.newCaller();
  const channels = [uuidv7(), uuidv7(), uuidv7()];

  beforeAll(async () => {
    bed = await PublishingTestBed.start({ idempotencyTtlSeconds: 0 });
    await bed.startInstance();
    await bed.startInstance();
    for (const [i, channel] of channels.entries()) {
      await bed.connectChannel(caller, channel, `brand${i}`);
    }
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
  });

  const keyOf = async (targetId: string) => {
    const rows = await bed.instances[0]!.service.serviceDb.asSystem((tx) =>
      tx.query<{ idempotency_key: string }>(
        `SELECT idempotency_key FROM content.publication WHERE target_id = $1`,
        [targetId],
      ),
    );
    return rows[0]!.idempotency_key;
  };

  /**
   * What a publisher killed mid-attempt leaves behind: the attempt marked publishing by a worker that is gone;
   * after its call started (must_look, call_started_at, a lease of a second from the call) or before it.
   */
  const leaveOrphan = async (postId: string, calledAt: Date, callStarted = true) => {
    await bed.instances[0]!.service.serviceDb.asSystem((tx) =>
      tx.query(
        `UPDATE content.publication SET state = 'publishing', attempt_id = gen_random_uuid(), attempts = 1,
           worker_id = gen_random_uuid(), must_look = $3, first_attempt_at = $2,
           attempt_started_at = CASE WHEN $3 THEN $2::timestamptz END,
           call_started_at = CASE WHEN $3 THEN $2::timestamptz END,
           lease_until = CASE WHEN $3 THEN $2::timestamptz + interval '1 second'
             ELSE $2::timestamptz + interval '10 minutes' END
         WHERE post_id = $1`,
        [postId, calledAt, callStarted],
      ),
    );
  };

  it('a publisher killed after the network applied the post: recovered, found, never sent again', async () => {
    const text = `Killed after the call ${uuidv7()}`;
    const { postId, targets } = await bed.schedule(
      caller,
      [channels[0]!],
      text,
      new Date(Date.now() + 3_600_000),
    );
    const targetId = targets.get(channels[0]!)!;
    // The dead process's call had reached the network, with the target's key, before it died.
    const calledAt = new Date();
    const [row] = await bed.instances[0]!.service.serviceDb.asSystem((tx) =>
      tx.query<{ idempotency_key: string; fingerprint: string }>(
        `SELECT idempotency_key, fingerprint FROM content.publication WHERE target_id = $1`,
        [targetId],
      ),
    );
    await bed.host.connector('mastodon').publish!(bed.credentials.byChannel.get(channels[0]!)!, {
      idempotencyKey: row!.idempotency_key,
      fingerprint: row!.fingerprint,
      post: { text },
    });
    await leaveOrphan(postId, calledAt);
    const [target] = await bed.untilState(caller, postId, ['published', 'failed', 'needs-review']);
    expect(target!.state).toBe('published');
    expect(bed.statusesSaying(text)).toBe(1);
    const calls = bed.fake
      .requests()
      .filter((r) => r.path === STATUSES.path && r.idempotencyKey === row!.idempotency_key);
    expect(calls).toHaveLength(1);
    const events = await bed.until(
      () => Promise.resolve(bed.eventsOf('PostPublished', targetId)),
      (e) => e.length > 0,
    );
    expect(events).toHaveLength(1);
  }, 20_000);

  it('a publisher killed before its call left: recovered, not found, published once', async () => {
    const text = `Killed before the call ${uuidv7()}`;
    const { postId } = await bed.schedule(caller, [channels[1]!], text, new Date(Date.now() + 3_600_000));
    await leaveOrphan(postId, new Date(), false);
    const [target] = await bed.untilState(caller, postId, ['published', 'failed', 'needs-review']);
    expect(target!.state).toBe('published');
    expect(bed.statusesSaying(text)).toBe(1);
    expect(bed.postsWithKey(await keyOf(target!.targetId))).toBe(1);
  }, 20_000);

  it('two publishers on one database publish each of 45 due targets exactly once', async () => {
    const at = new Date(Date.now() + 8_000);
    const texts: string[] = [];
    const posts: string[] = [];
    for (let i = 0; i < 15; i += 1) {
      const text = `Side by side ${i} ${uuidv7()}`;
      texts.push(text);
      posts.push((await bed.schedule(caller, channels, text, at)).postId);
    }
    for (const postId of posts) {
      const targets = await bed.untilState(caller, postId, ['published', 'failed', 'needs-review'], 30_000);
      expect(targets.map((t) => t.state)).toEqual(['published', 'published', 'published']);
      for (const target of targets) {
        // Each target was sent once: no resend under its key.
        expect(bed.postsWithKey(await keyOf(target.targetId))).toBe(1);
        const events = await bed.until(
          () => Promise.resolve(bed.eventsOf('PostPublished', target.targetId)),
          (e) => e.length > 0,
        );
        expect(events).toHaveLength(1);
      }
    }
    for (const text of texts) {
      // One status per channel (account) on the fake's own record, and no more.
      expect(bed.statusesSaying(text)).toBe(3);
    }
    const published = new Set(
      bed.fake
        .published()
        .filter((s) => texts.includes(s.text))
        .map((s) => `${s.accountId}|${s.text}`),
    );
    expect(published.size).toBe(45);
  }, 60_000);
});
