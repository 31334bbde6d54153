import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@chorus/contracts';
import { PlannerWorker } from '../src/index.js';
import { PublishingTestBed } from './support/publishing-test-bed.js';

// Evergreen re-queueing on the real PostgreSQL with the real publisher, the Mastodon connector and its fake:
// a published evergreen post comes back at the first free queue slot after the minimum gap, one re-queue
// pending at a time, until the limit, the end date, or a person stops it. Planner rounds are run by the test;
// "time passing" is a re-queue's publication brought forward to now, so that the publisher sends it.

interface Evergreen {
  postId: string;
  active: boolean;
  minGapDays: number;
  maxTimes: number;
  endsAt: string | null;
  requeued: number;
  stoppedReason: string | null;
  problems: { field: string; problem: string }[];
  requeues: { postId: string; requeue: number; status: string; publishAt: string | null }[];
}

const DAY = 86_400_000;

describe('evergreen re-queueing (PostgreSQL, Mastodon fake)', { timeout: 60_000 }, () => {
  let bed: PublishingTestBed;
  const caller = PublishingTestBed.newCaller();
  const channel = uuidv7();
  const unqueued = uuidv7();
  const planner = () => bed.instances[0]!.service.app.get(PlannerWorker);
  const evergreen = async (postId: string) =>
    (await bed.call<Evergreen>(caller, 'GET', `/posts/${postId}/evergreen`)).body;
  /** Brings a scheduled post's sending forward to now: the publisher sends it at its next poll. */
  const dueNow = (postId: string) =>
    bed.instances[0]!.service.serviceDb.asSystem((tx) =>
      tx.query(`UPDATE content.publication SET next_attempt_at = now() WHERE post_id = $1`, [postId]),
    );
  const published = async (postId: string) => {
    const targets = await bed.untilState(caller, postId, ['published', 'failed', 'needs-review']);
    expect(targets.map((t) => t.state)).toEqual(['published']);
  };
  const slots = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
    { weekday, time: '09:00' },
    { weekday, time: '21:00' },
  ]);

  beforeAll(async () => {
    bed = await PublishingTestBed.start();
    await bed.startInstance();
    await bed.connectChannel(caller, channel, 'evergreen');
    await bed.connectChannel(caller, unqueued, 'noqueue');
    const queue = await bed.call(caller, 'PUT', '/queues', { channelId: channel, timeZone: 'UTC', slots });
    expect(queue.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
  });

  it('refuses a bad policy (400 naming the field) and a post whose channel has no queue (409)', async () => {
    const { postId } = await bed.schedule(
      caller,
      [channel],
      `Policy ${uuidv7()}`,
      new Date(Date.now() + DAY),
    );
    for (const [body, field] of [
      [{ minGapDays: 0, maxTimes: 2 }, 'minGapDays'],
      [{ minGapDays: 1, maxTimes: 0 }, 'maxTimes'],
      [{ minGapDays: 1, maxTimes: 2, endsAt: new Date(Date.now() - 1000).toISOString() }, 'endsAt'],
    ] as const) {
      const bad = await bed.call<{ problems: { field: string }[] }>(
        caller,
        'PUT',
        `/posts/${postId}/evergreen`,
        body,
      );
      expect(bad.status, JSON.stringify(bad.body)).toBe(400);
      expect(bad.body.problems.map((p) => p.field)).toEqual([field]);
    }
    expect((await bed.call(caller, 'GET', `/posts/${postId}/evergreen`)).status).toBe(404);
    const other = await bed.schedule(caller, [unqueued], `No queue ${uuidv7()}`, new Date(Date.now() + DAY));
    const noQueue = await bed.call<{ message: string }>(caller, 'PUT', `/posts/${other.postId}/evergreen`, {
      minGapDays: 1,
      maxTimes: 2,
    });
    expect(noQueue.status).toBe(409);
    expect(noQueue.body.message).toContain('PUT /queues');
  });

  it('re-queues after each publication at the first free slot after the gap, one at a time, up to the limit', async () => {
    const text = `Evergreen ${uuidv7()}`;
    const { postId } = await bed.schedule(caller, [channel], text, new Date(Date.now() + 800));
    const set = await bed.call<Evergreen>(caller, 'PUT', `/posts/${postId}/evergreen`, {
      minGapDays: 1,
      maxTimes: 2,
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ active: true, requeued: 0, requeues: [], endsAt: null });

    await planner().runOnce(); // not published yet: nothing to do
    expect((await evergreen(postId)).requeued).toBe(0);

    await published(postId);
    const publishedAt = Date.now();
    await planner().runOnce();
    const first = await evergreen(postId);
    expect(first).toMatchObject({ active: true, requeued: 1, problems: [] });
    expect(first.requeues).toHaveLength(1);
    const copy = first.requeues[0]!;
    expect(copy).toMatchObject({ requeue: 1, status: 'scheduled' });
    const at = new Date(copy.publishAt!);
    expect(at.getTime()).toBeGreaterThanOrEqual(publishedAt + DAY - 60_000);
    expect(at.getTime()).toBeLessThan(publishedAt + DAY + 13 * 3600_000);
    expect(['09:00', '21:00']).toContain(at.toISOString().slice(11, 16));
    const copyPost = await bed.call<{ text: string; origin: unknown; schedule: { timeZone: string } }>(
      caller,
      'GET',
      `/posts/${copy.postId}`,
    );
    expect(copyPost.body).toMatchObject({
      text,
      origin: { kind: 'evergreen', sourcePostId: postId, requeue: 1 },
      schedule: { timeZone: 'UTC' },
    });

    // Pending: further rounds make nothing more.
    await planner().runOnce();
    await planner().runOnce();
    expect((await evergreen(postId)).requeues).toHaveLength(1);

    await dueNow(copy.postId);
    await published(copy.postId);
    expect(bed.statusesSaying(text)).toBe(2);
    // A count lost to a stale write (a person's PUT racing a round): the chain's own numbering still counts,
    // so the round neither retries the number taken (refused by the unique key, round after round) nor
    // exceeds the limit.
    await bed.instances[0]!.service.serviceDb.asSystem((tx) =>
      tx.query(`UPDATE content.evergreen SET requeued = 0 WHERE post_id = $1`, [postId]),
    );
    // An older post of the chain back in play (here the original's target put in review): no copy meanwhile.
    const db = bed.instances[0]!.service.serviceDb;
    const [original] = await db.asSystem((tx) =>
      tx.query<{ target_id: string; remote_id: string }>(
        `SELECT target_id, remote_id FROM content.publication WHERE post_id = $1`,
        [postId],
      ),
    );
    const setState = (state: string, remoteId: string | null) =>
      db.asSystem((tx) =>
        tx.query(`UPDATE content.publication SET state = $2, remote_id = $3 WHERE target_id = $1`, [
          original!.target_id,
          state,
          remoteId,
        ]),
      );
    await setState('needs-review', null);
    await planner().runOnce();
    expect((await evergreen(postId)).requeues).toHaveLength(1);
    await setState('published', original!.remote_id);
    await planner().runOnce();
    const second = await evergreen(postId);
    expect(second.requeues.map((r) => r.requeue)).toEqual([1, 2]);
    // The first re-queue's slot is still held by its post: the second takes another one.
    expect(second.requeues[1]!.publishAt).not.toBe(copy.publishAt);

    await dueNow(second.requeues[1]!.postId);
    await published(second.requeues[1]!.postId);
    await planner().runOnce();
    const done = await evergreen(postId);
    expect(done).toMatchObject({ active: false, requeued: 2 });
    expect(done.stoppedReason).toContain('the limit');
    expect(done.requeues).toHaveLength(2);
    expect(bed.statusesSaying(text)).toBe(3);
  });

  it('stops when a person turns it off, and when the next slot is past its end', async () => {
    const stopped = await bed.schedule(caller, [channel], `Stopped ${uuidv7()}`, new Date(Date.now() + 800));
    await bed.call(caller, 'PUT', `/posts/${stopped.postId}/evergreen`, { minGapDays: 1, maxTimes: 5 });
    const off = await bed.call<Evergreen>(caller, 'DELETE', `/posts/${stopped.postId}/evergreen`);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, stoppedReason: 'stopped by a person' });

    const ending = await bed.schedule(caller, [channel], `Ending ${uuidv7()}`, new Date(Date.now() + 800));
    const endsAt = new Date(Date.now() + 6 * 3600_000).toISOString(); // before any slot a day later
    const set = await bed.call<Evergreen>(caller, 'PUT', `/posts/${ending.postId}/evergreen`, {
      minGapDays: 1,
      maxTimes: 5,
      endsAt,
    });
    expect(set.body).toMatchObject({ active: true, endsAt });

    await published(stopped.postId);
    await published(ending.postId);
    await planner().runOnce();
    expect(await evergreen(stopped.postId)).toMatchObject({ active: false, requeues: [] });
    const ended = await evergreen(ending.postId);
    expect(ended).toMatchObject({ active: false, requeued: 0, requeues: [] });
    expect(ended.stoppedReason).toContain('after its end');

    // Another agency sees none of it.
    const stranger = PublishingTestBed.newCaller();
    expect((await bed.call(stranger, 'GET', `/posts/${ending.postId}/evergreen`)).status).toBe(404);
  });
});
