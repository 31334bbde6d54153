import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type EventEnvelope, type PostScheduledV2 } from '@chorus/contracts';
import { MaterialiseSeriesCommand } from '../src/application/commands/materialise-series/materialise-series.command.js';
import { PLANNER_OPTIONS, PlannerWorker } from '../src/index.js';
import { ContentTestService, type Caller } from './support/content-test-service.js';
import { channelConnected } from './support/content-fixtures.js';
import { CommandBus } from '@nestjs/cqrs';

// Recurring posts over HTTP on the real PostgreSQL: RRULE validation, occurrences made ahead as ordinary
// scheduled posts (with PostScheduled and publication rows), local wall time across both daylight-saving
// transitions of Europe/Rome, idempotent runs, edits of future occurrences only, the end of a series.
// The planner's periodic rounds are off; rounds are run by the test. Its horizon is long (400 days), so that
// the 2027 transitions are within reach of a series made today.

interface Problem {
  message: string;
  problems: { field: string; problem: string }[];
}
interface Occurrence {
  postId: string;
  occurrenceAt: string;
  status: string;
  publishAt: string | null;
  changedByPerson: boolean;
}
interface Series {
  id: string;
  status: string;
  revision: number;
  rule: string;
  startDate: string;
  time: string;
  timeZone: string;
  post: { text: string; targets: { channelId: string }[] };
  problems: unknown[];
  occurrences: Occurrence[];
  warnings: unknown[];
  endedAt: string | null;
}
interface Post {
  id: string;
  revision: number;
  status: string;
  schedule: { publishAt: string; timeZone: string } | null;
  origin: { kind: string; seriesId: string; occurrenceAt: string } | null;
}

describe('recurring posts API on postgres', () => {
  let s: ContentTestService;
  const a: Caller = ContentTestService.newCaller(['content-manager']);
  const otherAgency: Caller = ContentTestService.newCaller(['admin']);
  const sky = uuidv7();

  const create = (body: Record<string, unknown>) => s.call<Series>(a, 'POST', '/series', body);
  const refuse = (body: Record<string, unknown>) => s.call<Problem>(a, 'POST', '/series', body);
  const seriesCount = async () => (await s.call<{ items: unknown[] }>(a, 'GET', '/series')).body.items.length;
  const postsOf = async (seriesId: string) =>
    s.service.serviceDb.asSystem((tx) =>
      tx.query<{ n: string }>(`SELECT count(*) AS n FROM content.post WHERE series_id = $1`, [seriesId]),
    );
  const lastSunday = {
    text: 'Sunday roast notes',
    targets: [{ channelId: sky }],
    rule: 'FREQ=MONTHLY;BYDAY=-1SU;UNTIL=20271130',
    startDate: '2027-03-01',
    time: '02:30',
    timeZone: 'Europe/Rome',
  };

  beforeAll(async () => {
    s = await ContentTestService.start('postgres', [
      { provide: PLANNER_OPTIONS, useValue: { enabled: false, horizonDays: 400, maxAhead: 30 } },
    ]);
    await s.publish(a.tenantId, [channelConnected(a, sky, 'bluesky', '@acme.bsky.social')]);
    await s.until(
      async () => (await s.call<{ items: unknown[] }>(a, 'GET', '/channels')).body.items.length,
      (n) => n === 1,
    );
  }, 60_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('refuses a rule with an unsupported part, an unknown zone and a post no network takes, naming each', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...lastSunday, rule: 'FREQ=WEEKLY;BYHOUR=9' }, 'rule.BYHOUR'],
      [{ ...lastSunday, rule: 'FREQ=YEARLY' }, 'rule.FREQ'],
      [{ ...lastSunday, rule: 'FREQ=DAILY;COUNT=3;UNTIL=20280101' }, 'rule.UNTIL'],
      [{ ...lastSunday, rule: 'FREQ=DAILY;UNTIL=20200101', startDate: '2019-12-01' }, 'rule'],
      [{ ...lastSunday, timeZone: 'Europe/Atlantis' }, 'timeZone'],
      [{ ...lastSunday, text: 'x'.repeat(301) }, 'targets.0.text'],
      [{ ...lastSunday, targets: [{ channelId: uuidv7() }] }, 'targets.0.channelId'],
      [{ ...lastSunday, time: '25:00' }, 'time'],
      [{ ...lastSunday, rule: 'FREQ=DAILY', startDate: '1990-01-01' }, 'startDate'],
    ];
    for (const [body, field] of cases) {
      const refused = await refuse(body);
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.problems.map((p) => p.field)).toContain(field);
    }
    const named = await refuse({ ...lastSunday, rule: 'FREQ=WEEKLY;BYHOUR=9' });
    expect(named.body.problems[0]!.problem).toContain('BYHOUR');
    expect(await seriesCount()).toBe(0);
  });

  it('makes the occurrences as scheduled posts keeping 02:30 Rome time across both transitions', async () => {
    const eventsBefore = s.delivered.length;
    const created = await create(lastSunday);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const series = created.body;
    expect(series).toMatchObject({
      status: 'active',
      revision: 1,
      rule: 'FREQ=MONTHLY;BYDAY=-1SU;UNTIL=20271130',
      time: '02:30',
      timeZone: 'Europe/Rome',
      problems: [],
    });
    expect(series.occurrences.map((o) => o.occurrenceAt)).toEqual([
      '2027-03-28T01:30:00.000Z', // 02:30 does not exist on the spring-forward day: 03:30 CEST
      '2027-04-25T00:30:00.000Z', // 02:30 CEST
      '2027-05-30T00:30:00.000Z',
      '2027-06-27T00:30:00.000Z',
      '2027-07-25T00:30:00.000Z',
      '2027-08-29T00:30:00.000Z',
      '2027-09-26T00:30:00.000Z',
      '2027-10-31T00:30:00.000Z', // 02:30 happens twice on the fall-back day: the first, still CEST
      '2027-11-28T01:30:00.000Z', // 02:30 CET
    ]);
    expect(series.occurrences.every((o) => o.status === 'scheduled' && o.publishAt === o.occurrenceAt)).toBe(
      true,
    );

    // Each is an ordinary post: PostScheduled per target, a publication row, and its origin.
    const first = await s.call<Post>(a, 'GET', `/posts/${series.occurrences[0]!.postId}`);
    expect(first.body).toMatchObject({
      status: 'scheduled',
      schedule: { publishAt: '2027-03-28T01:30:00.000Z', timeZone: 'Europe/Rome' },
      origin: { kind: 'series', seriesId: series.id, occurrenceAt: '2027-03-28T01:30:00.000Z' },
    });
    const scheduled = await s.until(
      () =>
        Promise.resolve(
          s.delivered
            .slice(eventsBefore)
            .filter((e: EventEnvelope) => e.type === 'PostScheduled')
            .map((e) => (e.payload as PostScheduledV2).postId),
        ),
      (ids) => ids.length >= 9,
    );
    expect(new Set(scheduled)).toEqual(new Set(series.occurrences.map((o) => o.postId)));
    const publications = await s.service.serviceDb.asSystem((tx) =>
      tx.query<{ state: string; due_at: Date }>(
        `SELECT state, due_at FROM content.publication WHERE post_id = $1`,
        [first.body.id],
      ),
    );
    expect(publications).toEqual([{ state: 'scheduled', due_at: new Date('2027-03-28T01:30:00.000Z') }]);

    // The calendar shows them at their local time.
    const march = await s.call<{ entries: { localDate: string; localTime: string; post: Post }[] }>(
      a,
      'GET',
      '/calendar?view=month&date=2027-03-01&timeZone=Europe/Rome',
    );
    expect(march.body.entries.filter((e) => e.post.origin?.seriesId === series.id)).toMatchObject([
      { localDate: '2027-03-28', localTime: '03:30' },
    ]);
    const october = await s.call<{ entries: { localDate: string; localTime: string; post: Post }[] }>(
      a,
      'GET',
      '/calendar?view=month&date=2027-10-01&timeZone=Europe/Rome',
    );
    expect(october.body.entries.filter((e) => e.post.origin?.seriesId === series.id)).toMatchObject([
      { localDate: '2027-10-31', localTime: '02:30' },
    ]);

    // Another agency sees nothing of it.
    expect((await s.call(otherAgency, 'GET', `/series/${series.id}`)).status).toBe(404);
    expect((await s.call<{ items: unknown[] }>(otherAgency, 'GET', '/series')).body.items).toEqual([]);
  });

  it('keeps an occurrence a person made evergreen when the series ends', async () => {
    const queue = await s.call(a, 'PUT', '/queues', {
      channelId: sky,
      timeZone: 'UTC',
      slots: [{ weekday: 1, time: '09:00' }],
    });
    expect(queue.status, JSON.stringify(queue.body)).toBe(200);
    const series = (await create({ ...lastSunday, text: 'Evergreen occurrence' })).body;
    const chosen = series.occurrences[1]!;
    const evergreen = await s.call(a, 'PUT', `/posts/${chosen.postId}/evergreen`, {
      minGapDays: 7,
      maxTimes: 2,
    });
    expect(evergreen.status, JSON.stringify(evergreen.body)).toBe(200);
    const ended = await s.call<Series>(a, 'POST', `/series/${series.id}/end`, { revision: 1 });
    expect(ended.status).toBe(200);
    expect(ended.body.occurrences.map((o) => o.postId)).toEqual([chosen.postId]);
    expect((await s.call(a, 'GET', `/posts/${chosen.postId}/evergreen`)).status).toBe(200);
  });

  it('never makes an occurrence twice: reruns and concurrent runs add nothing', async () => {
    const created = await create({ ...lastSunday, text: 'Concurrent runs' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const commands = s.service.app.get(CommandBus);
    const planner = s.service.app.get(PlannerWorker);
    const made = await Promise.all([
      commands.execute(new MaterialiseSeriesCommand(a.tenantId, id)),
      commands.execute(new MaterialiseSeriesCommand(a.tenantId, id)),
      planner.runOnce(),
      planner.runOnce(),
    ]);
    expect(made.slice(0, 2)).toEqual([0, 0]);
    expect(await postsOf(id)).toEqual([{ n: '9' }]);
    // The unique key itself refuses a second post for the same series and occurrence time.
    await expect(
      s.service.serviceDb.asSystem((tx) =>
        tx.query(
          `INSERT INTO content.post (id, tenant_id, workspace_id, status, revision, content, created_at, created_by,
             updated_at, updated_by, series_id, occurrence_at)
           SELECT $1, tenant_id, workspace_id, 'draft', 1, content, now(), created_by, now(), updated_by, series_id,
             occurrence_at FROM content.post WHERE series_id = $2 LIMIT 1`,
          [uuidv7(), id],
        ),
      ),
    ).rejects.toThrow(/post_series_occurrence/);
  });

  it('an edit changes the future occurrences only, leaving one a person edited as it is', async () => {
    const created = await create({ ...lastSunday, text: 'Edit me' });
    const series = created.body;
    const kept = series.occurrences[2]!;
    const post = await s.call<Post>(a, 'GET', `/posts/${kept.postId}`);
    const personal = await s.call(a, 'PUT', `/posts/${kept.postId}`, {
      revision: post.body.revision,
      text: 'A person wrote this one',
      targets: [{ channelId: sky }],
    });
    expect(personal.status).toBe(200);

    const stale = await s.call(a, 'PUT', `/series/${series.id}`, { ...lastSunday, revision: 7 });
    expect(stale.status).toBe(409);
    const bad = await s.call<Problem>(a, 'PUT', `/series/${series.id}`, {
      ...lastSunday,
      rule: 'FREQ=MONTHLY;BYSETPOS=1',
      revision: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p) => p.field)).toEqual(['rule.BYSETPOS']);

    const edited = await s.call<Series>(a, 'PUT', `/series/${series.id}`, {
      ...lastSunday,
      text: 'Edited',
      time: '09:00',
      revision: 1,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ revision: 2, time: '09:00', post: { text: 'Edited' } });
    const byPerson = edited.body.occurrences.filter((o) => o.changedByPerson);
    expect(byPerson.map((o) => o.postId)).toEqual([kept.postId]);
    const remade = edited.body.occurrences.filter((o) => !o.changedByPerson);
    // 30 May keeps the person's post (at the old time) and gets no second one at the new time.
    expect(remade.map((o) => o.occurrenceAt)).toEqual([
      '2027-03-28T07:00:00.000Z', // 09:00 CEST
      '2027-04-25T07:00:00.000Z',
      '2027-06-27T07:00:00.000Z',
      '2027-07-25T07:00:00.000Z',
      '2027-08-29T07:00:00.000Z',
      '2027-09-26T07:00:00.000Z',
      '2027-10-31T08:00:00.000Z', // 09:00 CET
      '2027-11-28T08:00:00.000Z',
    ]);
    for (const o of series.occurrences.filter((x) => x.postId !== kept.postId)) {
      expect((await s.call(a, 'GET', `/posts/${o.postId}`)).status).toBe(404);
    }
    const again = await s.call<Post & { text: string }>(a, 'GET', `/posts/${remade[0]!.postId}`);
    expect(again.body.text).toBe('Edited');
    expect((await s.call<Post & { text: string }>(a, 'GET', `/posts/${kept.postId}`)).body.text).toBe(
      'A person wrote this one',
    );
  });

  it('never withdraws an occurrence the publisher claims while the series is being edited', async () => {
    const created = await create({ ...lastSunday, text: 'Claimed meanwhile' });
    const series = created.body;
    const claimed = series.occurrences[0]!;
    // A publisher's claim in flight: the row taken (publishing, one attempt), not committed yet.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let taken!: () => void;
    const isTaken = new Promise<void>((resolve) => (taken = resolve));
    const claim = s.service.serviceDb.asSystem(async (tx) => {
      await tx.query(
        `UPDATE content.publication SET state = 'publishing', attempts = attempts + 1,
           attempt_id = gen_random_uuid(), worker_id = gen_random_uuid(), lease_until = now() + interval '1 minute'
         WHERE post_id = $1`,
        [claimed.postId],
      );
      taken();
      await gate;
    });
    await isTaken;
    const editing = s.call<Series>(a, 'PUT', `/series/${series.id}`, {
      ...lastSunday,
      text: 'Edited meanwhile',
      revision: 1,
    });
    // The edit reaches the claimed row and waits for the claim to end.
    await s.until(
      () =>
        s.service.serviceDb.asSystem((tx) =>
          tx.query<{ n: string }>(`SELECT count(*) AS n FROM pg_locks WHERE NOT granted`),
        ),
      (rows) => Number(rows[0]!.n) > 0,
    );
    release();
    await claim;
    const edited = await editing;
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    // The claimed occurrence, its publication row and its content stay; every other one was made again.
    const rows = await s.service.serviceDb.asSystem((tx) =>
      tx.query<{ state: string }>(`SELECT state FROM content.publication WHERE post_id = $1`, [
        claimed.postId,
      ]),
    );
    expect(rows).toEqual([{ state: 'publishing' }]);
    const kept = await s.call<Post & { text: string }>(a, 'GET', `/posts/${claimed.postId}`);
    expect(kept.body.text).toBe('Claimed meanwhile');
    expect(edited.body.occurrences.map((o) => o.occurrenceAt)).toEqual(
      series.occurrences.map((o) => o.occurrenceAt),
    );
    expect(edited.body.occurrences.filter((o) => o.postId === claimed.postId)).toHaveLength(1);
  });

  it('ending a series withdraws its untouched occurrences and makes no more', async () => {
    const created = await create({ ...lastSunday, text: 'End me' });
    const series = created.body;
    expect((await s.call(a, 'POST', `/series/${series.id}/end`, { revision: 5 })).status).toBe(409);
    const ended = await s.call<Series>(a, 'POST', `/series/${series.id}/end`, { revision: 1 });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', revision: 2, occurrences: [] });
    expect(ended.body.endedAt).not.toBeNull();
    expect(await postsOf(series.id)).toEqual([{ n: '0' }]);
    const publications = await s.service.serviceDb.asSystem((tx) =>
      tx.query(`SELECT 1 FROM content.publication WHERE post_id = ANY($1::uuid[])`, [
        series.occurrences.map((o) => o.postId),
      ]),
    );
    expect(publications).toEqual([]);
    await s.service.app.get(PlannerWorker).runOnce();
    expect(await postsOf(series.id)).toEqual([{ n: '0' }]);
    expect((await s.call(a, 'POST', `/series/${series.id}/end`, { revision: 2 })).status).toBe(409);
    expect((await s.call(a, 'PUT', `/series/${series.id}`, { ...lastSunday, revision: 2 })).status).toBe(409);
    const listed = await s.call<{ items: Series[] }>(a, 'GET', '/series');
    expect(listed.body.items.find((x) => x.id === series.id)).toMatchObject({ status: 'ended' });
  });
});
