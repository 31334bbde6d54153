import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type EventEnvelope, type PostScheduledV2 } from '@chorus/contracts';
import { toLocal } from '../src/domain/zoned-time.value-object.js';
import { ContentTestService, type Caller } from './support/content-test-service.js';
import {
  brandVoiceChanged,
  channelConnected,
  channelDisconnected,
  channelReauthRequired,
  inDays,
} from './support/content-fixtures.js';
import { imageFile } from './support/media-files.js';

// The content service over HTTP, fed by channel and brand-voice events through a real outbox and relay, with
// its PostScheduled events relayed out: on the real PostgreSQL and on in-memory PGlite.

interface Problem {
  message: string;
  problems: { field: string; problem: string }[];
}
interface PostBody {
  id: string;
  revision: number;
  status: string;
  targets: { targetId: string; channelId: string }[];
  warnings?: { field: string; problem: string }[];
}

describe.each(['postgres', 'pglite'] as const)('content service API on %s', (kind) => {
  let s: ContentTestService;
  const a: Caller = ContentTestService.newCaller(['content-manager']);
  const otherWorkspace: Caller = { ...a, workspaceId: uuidv7() };
  const otherAgency: Caller = ContentTestService.newCaller(['admin']);
  const sky = uuidv7();
  const insta = uuidv7();
  const gone = uuidv7();
  const lapsed = uuidv7();
  const lapsingLater = uuidv7();
  const elsewhere = uuidv7();
  // Files of the workspace's media library, uploaded before the posts that attach them.
  const photos: { mediaId: string }[] = [];
  let gif: { mediaId: string };
  const uploadMedia = async (bytes: Buffer) => {
    const response = await s.send(a, 'POST', '/media', { bytes, contentType: 'application/octet-stream' });
    expect(response.status, response.bytes.toString()).toBe(201);
    return { mediaId: (response.json() as { id: string }).id };
  };
  const scheduledOf = (postId: string) => (e: EventEnvelope) =>
    e.type === 'PostScheduled' && (e.payload as PostScheduledV2).postId === postId;

  beforeAll(async () => {
    s = await ContentTestService.start(kind);
    await s.publish(a.tenantId, [
      channelConnected(a, sky, 'bluesky', '@acme.bsky.social'),
      channelConnected(a, insta, 'instagram', '@acmecoffee'),
      channelConnected(a, gone, 'bluesky', '@old.bsky.social'),
      channelDisconnected(a, gone, 'bluesky', '@old.bsky.social'),
      channelConnected(a, lapsed, 'bluesky', '@lapsed.bsky.social'),
      channelReauthRequired(a, lapsed, 'bluesky', '@lapsed.bsky.social', null),
      channelConnected(a, lapsingLater, 'bluesky', '@later.bsky.social'),
      channelReauthRequired(a, lapsingLater, 'bluesky', '@later.bsky.social', inDays(30)),
      channelConnected(otherWorkspace, elsewhere, 'bluesky', '@sister.bsky.social'),
    ]);
    const v3 = brandVoiceChanged(a, 3, ['cheap', 'זול', 'offerta']);
    await s.publish(a.tenantId, [v3]);
    const voiceHeld = () =>
      s.until(
        async () => (await s.call<{ voice: unknown }>(a, 'GET', '/brand-voice')).body,
        (b) => b.voice !== null,
      );
    await voiceHeld();
    await s.publish(a.tenantId, [v3]); // delivered again, as after a relay crash before it deleted the batch
    await s.publish(a.tenantId, [brandVoiceChanged(a, 2, ['outdated'])]); // an older copy, late
    await s.until(
      async () => (await s.call<{ items: unknown[] }>(a, 'GET', '/channels')).body.items.length,
      (n) => n === 5,
    );
    await s.until(
      () =>
        s.service.serviceDb.asSystem((tx) =>
          tx.query<{ n: string }>(`SELECT count(*) AS n FROM content.outbox`).then((r) => Number(r[0]!.n)),
        ),
      (n) => n === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 200)); // the consumers applied what the relay sent
    photos.push(
      await uploadMedia(await imageFile('jpeg', 600, 600)),
      await uploadMedia(await imageFile('jpeg', 600, 600)),
    );
    gif = await uploadMedia(await imageFile('gif', 200, 200));
  }, 60_000);

  afterAll(async () => {
    await s?.stop();
  });

  const draft = async (body: Record<string, unknown>): Promise<PostBody> => {
    const created = await s.call<PostBody>(a, 'POST', '/posts', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  };

  /** A 400 naming the field, after which the post and the events are as before. */
  const refused = async (
    postId: string,
    method: 'POST' | 'PUT',
    url: string,
    body: unknown,
    field: string,
  ) => {
    const before = await s.call(a, 'GET', `/posts/${postId}`);
    const eventsBefore = await s.settledEventCount();
    const response = await s.call<Problem>(a, method, url, body);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.problems.map((p) => p.field)).toContain(field);
    expect(response.body.message).toContain(field);
    expect((await s.call(a, 'GET', `/posts/${postId}`)).body).toEqual(before.body);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(s.delivered.length).toBe(eventsBefore);
    return response.body;
  };

  it('keeps the channel directory and the newest brand voice from events, each applied once', async () => {
    const channels = await s.call<{ items: { channelId: string; status: string }[] }>(a, 'GET', '/channels');
    expect(Object.fromEntries(channels.body.items.map((c) => [c.channelId, c.status]))).toEqual({
      [sky]: 'connected',
      [insta]: 'connected',
      [gone]: 'disconnected',
      [lapsed]: 'reauth-required',
      [lapsingLater]: 'reauth-required',
    });
    const voice = await s.call<{ voice: { identityVersion: number; wordsToAvoid: string[] } }>(
      a,
      'GET',
      '/brand-voice',
    );
    expect(voice.body.voice).toMatchObject({ identityVersion: 3, wordsToAvoid: ['cheap', 'זול', 'offerta'] });
  });

  it('creates a draft with a master text and per-channel variants, first comment and thread', async () => {
    const post = await draft({
      text: 'Fresh beans this week #acmecoffee',
      thread: [{ text: 'Roasted on Monday' }],
      targets: [
        { channelId: sky },
        {
          channelId: insta,
          text: 'Fresh beans, roasted this week #acmecoffee',
          media: photos,
          firstComment: 'More at https://acme.test/beans',
          thread: [],
        },
      ],
      contentType: 'text',
      tags: ['launch'],
      pillarKey: 'behind-the-roast',
      goalIds: [uuidv7()],
    });
    expect(post).toMatchObject({ status: 'draft', revision: 1 });
    expect(post.targets).toHaveLength(2);
    const read = await s.call<PostBody & { text: string }>(a, 'GET', `/posts/${post.id}`);
    expect(read.body).toMatchObject({ text: 'Fresh beans this week #acmecoffee', tags: ['launch'] });
  });

  it("refuses a channel of another workspace, an unknown one and another workspace's campaign", async () => {
    for (const [body, field, words] of [
      [{ targets: [{ channelId: elsewhere }] }, 'targets.0.channelId', 'belongs to another workspace'],
      [{ targets: [{ channelId: uuidv7() }] }, 'targets.0.channelId', 'no channel'],
      [{ campaignId: uuidv7() }, 'campaignId', 'no campaign'],
      [{ targets: [{ channelId: sky }, { channelId: sky }] }, 'targets.1.channelId', 'targeted twice'],
    ] as const) {
      const response = await s.call<Problem>(a, 'POST', '/posts', { text: 'x', ...body });
      expect(response.status).toBe(400);
      const named = response.body.problems.find((p) => p.field === field);
      expect(named?.problem, JSON.stringify(response.body)).toContain(words);
    }
    expect((await s.call<{ items: unknown[] }>(a, 'GET', '/posts?status=draft')).body.items).toHaveLength(1);
  });

  it("refuses to schedule what a target's network refuses, naming the channel, the field and the limit", async () => {
    const post = await draft({
      text: `${'é'.repeat(301)} #acmecoffee`,
      targets: [{ channelId: sky }, { channelId: insta, text: 'ok #acmecoffee' }],
      contentType: 'image',
      media: [gif],
    });
    const problem = await refused(
      post.id,
      'POST',
      `/posts/${post.id}/schedule`,
      { publishAt: inDays(2), timeZone: 'Europe/Rome' },
      'targets.0.text',
    );
    const sky0 = problem.problems.find((p) => p.field === 'targets.0.text' && p.problem.includes('limit'))!;
    expect(sky0.problem).toContain('Acme @acme.bsky.social (bluesky @acme.bsky.social)');
    expect(sky0.problem).toContain('limit 300');
    expect(problem.problems.map((p) => p.field)).toEqual(
      // A GIF (probed from its bytes) neither network's connector publishes.
      expect.arrayContaining(['targets.0.media.0', 'targets.1.media.0']),
    );
  });

  it('refuses a time in the past, an unknown time zone and a disconnected or lapsed channel', async () => {
    const post = await draft({ text: 'Fresh #acmecoffee', targets: [{ channelId: sky }] });
    const url = `/posts/${post.id}/schedule`;
    const past = await refused(
      post.id,
      'POST',
      url,
      { publishAt: inDays(-1), timeZone: 'Europe/Rome' },
      'publishAt',
    );
    expect(past.problems[0]!.problem).toContain('in the past');
    const zone = await refused(
      post.id,
      'POST',
      url,
      { publishAt: inDays(1), timeZone: 'Europe/Atlantis' },
      'timeZone',
    );
    expect(zone.problems[0]!.problem).toContain('unknown time zone "Europe/Atlantis"');
    await refused(post.id, 'POST', url, { publishAt: 'tomorrow', timeZone: 'Europe/Rome' }, 'publishAt');

    for (const [channelId, words] of [
      [gone, 'is disconnected'],
      [lapsed, 'must be reconnected'],
    ] as const) {
      const other = await draft({ text: 'Fresh #acmecoffee', targets: [{ channelId }] });
      const answer = await refused(
        other.id,
        'POST',
        `/posts/${other.id}/schedule`,
        { publishAt: inDays(1), timeZone: 'Asia/Jerusalem' },
        'targets.0.channelId',
      );
      expect(answer.problems[0]!.problem).toContain(words);
    }
    // A channel whose authorisation lapses in 30 days can still take a post due before then, not after.
    const soon = await draft({ text: 'Fresh #acmecoffee', targets: [{ channelId: lapsingLater }] });
    expect(
      (await s.call(a, 'POST', `/posts/${soon.id}/schedule`, { publishAt: inDays(1), timeZone: 'UTC' }))
        .status,
    ).toBe(200);
    await refused(
      soon.id,
      'POST',
      `/posts/${soon.id}/schedule`,
      { publishAt: inDays(40), timeZone: 'UTC' },
      'targets.0.channelId',
    );
  });

  it('blocks words to avoid (Hebrew prefixes, Italian elision) and missing hashtags; warns on guidance', async () => {
    for (const text of ['קפה והזול #acmecoffee', "Approfitta dell'offerta #acmecoffee", 'No hashtag here']) {
      const post = await draft({ text, targets: [{ channelId: sky }] });
      await refused(
        post.id,
        'POST',
        `/posts/${post.id}/schedule`,
        { publishAt: inDays(1), timeZone: 'Europe/Rome' },
        'targets.0.text',
      );
    }
    const long = await draft({
      text: `${'Fresh beans. '.repeat(12)}#acmecoffee`,
      targets: [{ channelId: sky }],
    });
    const scheduled = await s.call<PostBody>(a, 'POST', `/posts/${long.id}/schedule`, {
      publishAt: inDays(1),
      timeZone: 'Europe/Rome',
    });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    expect(scheduled.body.warnings?.map((w) => w.field)).toEqual(['targets.0.text']);
    expect(scheduled.body.warnings?.[0]?.problem).toContain('the brand prefers at most 120');
  });

  it('schedules: one PostScheduled v2 per target with the rendered text, UTM tags, goals and content type', async () => {
    const campaign = await s.call<{ id: string }>(a, 'POST', '/campaigns', { name: 'Spring Launch 2027' });
    const goalId = uuidv7();
    const post = await draft({
      text: 'New roast: https://acme.test/roast?ref=home#notes #acmecoffee',
      targets: [
        { channelId: sky, settings: { language: 'en' } },
        {
          channelId: insta,
          text: 'New roast, link in bio #acmecoffee',
          media: photos,
          firstComment: 'https://acme.test/roast?utm_source=bio',
        },
      ],
      contentType: 'link',
      campaignId: campaign.body.id,
      goalIds: [goalId],
      tags: ['roast'],
    });
    const publishAt = inDays(3);
    const answer = await s.call<PostBody>(a, 'POST', `/posts/${post.id}/schedule`, {
      publishAt,
      timeZone: 'Europe/Rome',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ status: 'scheduled', revision: 2 });

    const events = await s.until(
      () => Promise.resolve(s.delivered.filter(scheduledOf(post.id))),
      (found) => found.length >= 2,
    );
    expect(events.map((e) => e.version)).toEqual([2, 2]);
    const byChannel = new Map(
      events.map((e) => [(e.payload as PostScheduledV2).channelId, e.payload as PostScheduledV2]),
    );
    expect(byChannel.get(sky)).toMatchObject({
      network: 'bluesky',
      revision: 2,
      scheduledFor: new Date(publishAt).toISOString(),
      timeZone: 'Europe/Rome',
      contentType: 'link',
      text: `New roast: https://acme.test/roast?ref=home&utm_source=bluesky&utm_medium=social&utm_campaign=spring-launch-2027&utm_content=${post.id}#notes #acmecoffee`,
      utm: {
        source: 'bluesky',
        medium: 'social',
        campaign: 'spring-launch-2027',
        content: post.id,
        term: null,
      },
      goalIds: [goalId],
      campaignId: campaign.body.id,
      tags: ['roast'],
      settings: { language: 'en' },
      scheduledById: a.userId,
    });
    expect(byChannel.get(insta)).toMatchObject({
      network: 'instagram',
      text: 'New roast, link in bio #acmecoffee',
      firstComment: `https://acme.test/roast?utm_source=bio&utm_medium=social&utm_campaign=spring-launch-2027&utm_content=${post.id}`,
    });
    expect(byChannel.get(insta)!.media).toHaveLength(2);

    // Reschedule: a new event per target with a higher revision; the post keeps its targets.
    const later = inDays(4);
    const moved = await s.call<PostBody>(a, 'POST', `/posts/${post.id}/schedule`, {
      publishAt: later,
      timeZone: 'Europe/Rome',
    });
    expect(moved.body).toMatchObject({ revision: 3 });
    const after = await s.until(
      () => Promise.resolve(s.delivered.filter(scheduledOf(post.id))),
      (found) => found.length >= 4,
    );
    expect(after.slice(2).map((e) => (e.payload as PostScheduledV2).scheduledFor)).toEqual([
      new Date(later).toISOString(),
      new Date(later).toISOString(),
    ]);
    expect(
      after
        .slice(2)
        .map((e) => (e.payload as PostScheduledV2).targetId)
        .sort(),
    ).toEqual(post.targets.map((t) => t.targetId).sort());
  });

  it('tags links with the workspace scheme, and leaves them alone when tagging is off', async () => {
    const scheme = {
      enabled: true,
      source: 'chorus-{network}',
      medium: 'organic',
      campaign: 'always-on',
      content: '',
    };
    const saved = await s.call(a, 'PUT', '/utm-scheme', scheme);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const bad = await s.call<Problem>(a, 'PUT', '/utm-scheme', { ...scheme, content: '{author}' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0]).toMatchObject({ field: 'content' });
    expect((await s.call(a, 'GET', '/utm-scheme')).body).toEqual(scheme);

    const post = await draft({ text: 'See https://acme.test #acmecoffee', targets: [{ channelId: sky }] });
    const checks = await s.call<{ problems: unknown[]; targets: { text: string }[] }>(
      a,
      'GET',
      `/posts/${post.id}/checks`,
    );
    expect(checks.body.problems).toEqual([]);
    expect(checks.body.targets[0]!.text).toBe(
      'See https://acme.test?utm_source=chorus-bluesky&utm_medium=organic&utm_campaign=always-on #acmecoffee',
    );
    await s.call(a, 'PUT', '/utm-scheme', { ...scheme, enabled: false });
    const off = await s.call<{ targets: { text: string }[] }>(a, 'GET', `/posts/${post.id}/checks`);
    expect(off.body.targets[0]!.text).toBe('See https://acme.test #acmecoffee');
  });

  it('edits a scheduled post (checked again, rescheduled) and refuses an edit on an old revision', async () => {
    const post = await draft({ text: 'Fresh #acmecoffee', targets: [{ channelId: sky }] });
    await s.call(a, 'POST', `/posts/${post.id}/schedule`, { publishAt: inDays(2), timeZone: 'UTC' });
    const body = { text: 'Fresher #acmecoffee', targets: [{ channelId: sky }], revision: 2 };
    const edited = await s.call<PostBody>(a, 'PUT', `/posts/${post.id}`, body);
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ status: 'scheduled', revision: 4 });
    expect(edited.body.targets[0]!.targetId).toBe(post.targets[0]!.targetId);
    const events = await s.until(
      () => Promise.resolve(s.delivered.filter(scheduledOf(post.id))),
      (found) => found.length >= 2,
    );
    expect((events.at(-1)!.payload as PostScheduledV2).text).toBe('Fresher #acmecoffee');

    const stale = await s.call(a, 'PUT', `/posts/${post.id}`, body);
    expect(stale.status).toBe(409);
    await refused(
      post.id,
      'PUT',
      `/posts/${post.id}`,
      { ...body, text: 'Cheap! #acmecoffee', revision: 4 },
      'targets.0.text',
    );
  });

  it('duplicates a post as a new draft', async () => {
    const post = await draft({ text: 'Fresh #acmecoffee', targets: [{ channelId: sky }], tags: ['x'] });
    await s.call(a, 'POST', `/posts/${post.id}/schedule`, { publishAt: inDays(2), timeZone: 'UTC' });
    const copy = await s.call<PostBody & { tags: string[] }>(a, 'POST', `/posts/${post.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ status: 'draft', revision: 1, tags: ['x'], schedule: null });
    expect(copy.body.id).not.toBe(post.id);
    expect(copy.body.targets[0]!.targetId).not.toBe(post.targets[0]!.targetId);
  });

  it("queues posts at the next free slot in the queue's zone; the calendar shows them in the viewer's", async () => {
    const every = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, time: '09:00' }));
    const queue = { channelId: sky, timeZone: 'Asia/Jerusalem', slots: every };
    expect((await s.call(a, 'PUT', '/queues', queue)).status).toBe(200);
    for (const [body, field] of [
      [{ ...queue, timeZone: 'Asia/Atlantis' }, 'timeZone'],
      [{ ...queue, channelId: elsewhere }, 'channelId'],
      [{ ...queue, slots: [{ weekday: 8, time: '09:00' }] }, 'slots.0.weekday'],
      [{ ...queue, slots: [{ weekday: 1, time: '24:00' }] }, 'slots.0.time'],
    ] as const) {
      const bad = await s.call<Problem>(a, 'PUT', '/queues', body);
      expect(bad.status, JSON.stringify(bad.body)).toBe(400);
      expect(bad.body.problems.map((p) => p.field)).toContain(field);
    }
    expect((await s.call<{ items: unknown[] }>(a, 'GET', '/queues')).body.items).toEqual([queue]);

    type Scheduled = PostBody & { schedule: { publishAt: string; timeZone: string } };
    const queued: Scheduled[] = [];
    for (const text of ['First in line #acmecoffee', 'Second in line #acmecoffee']) {
      const post = await draft({ text, targets: [{ channelId: sky }] });
      const answer = await s.call<Scheduled>(a, 'POST', `/posts/${post.id}/queue`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      queued.push(answer.body);
    }
    const [first, second] = queued.map((p) => new Date(p.schedule.publishAt));
    expect(first!.getTime()).toBeGreaterThan(Date.now());
    expect(queued[0]!.schedule.timeZone).toBe('Asia/Jerusalem');
    expect(toLocal('Asia/Jerusalem', first!).time).toBe('09:00');
    expect(toLocal('Asia/Jerusalem', second!)).toEqual({
      date: new Date(Date.parse(`${toLocal('Asia/Jerusalem', first!).date}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10),
      time: '09:00',
    });

    const inRome = toLocal('Europe/Rome', first!);
    const day = await s.call<{ entries: { localDate: string; localTime: string; post: { id: string } }[] }>(
      a,
      'GET',
      `/calendar?view=day&date=${inRome.date}&timeZone=Europe/Rome`,
    );
    expect(day.status, JSON.stringify(day.body)).toBe(200);
    const entry = day.body.entries.find((e) => e.post.id === queued[0]!.id);
    expect(entry).toMatchObject({ localDate: inRome.date, localTime: inRome.time });
    expect(day.body.entries.map((e) => e.post.id)).not.toContain(queued[1]!.id);
    const month = await s.call<{ entries: { post: { id: string } }[] }>(
      a,
      'GET',
      `/calendar?view=list&date=${toLocal('UTC', new Date()).date}&timeZone=UTC`,
    );
    expect(month.body.entries.map((e) => e.post.id)).toEqual(expect.arrayContaining(queued.map((p) => p.id)));
    for (const [query, field] of [
      ['view=year&date=2027-01-01&timeZone=UTC', 'view'],
      ['view=day&date=2027-02-30&timeZone=UTC', 'date'],
      ['view=day&date=2027-01-01&timeZone=Mars/Olympus', 'timeZone'],
    ] as const) {
      const bad = await s.call<Problem>(a, 'GET', `/calendar?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.problems.map((p) => p.field)).toContain(field);
    }

    const noQueue = await draft({ text: 'x #acmecoffee', targets: [{ channelId: insta }] });
    expect((await s.call(a, 'POST', `/posts/${noQueue.id}/queue`)).status).toBe(409);
    expect((await s.call<{ items: unknown[] }>(otherAgency, 'GET', '/queues')).body.items).toEqual([]);
  });

  it('shows another agency nothing: 404 by id, empty lists, and no rows under its tenant', async () => {
    const post = await draft({ text: 'Secret #acmecoffee', targets: [{ channelId: sky }] });
    expect((await s.call(otherAgency, 'GET', `/posts/${post.id}`)).status).toBe(404);
    expect((await s.call(otherAgency, 'POST', `/posts/${post.id}/duplicate`)).status).toBe(404);
    expect((await s.call<{ items: unknown[] }>(otherAgency, 'GET', '/posts')).body.items).toEqual([]);
    expect((await s.call<{ items: unknown[] }>(otherAgency, 'GET', '/channels')).body.items).toEqual([]);
    expect((await s.call(otherAgency, 'GET', '/brand-voice')).body).toEqual({ voice: null });
    const rows = await s.service.serviceDb.withTenant(otherAgency.tenantId, (tx) =>
      tx.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM content.post) + (SELECT count(*) FROM content.channel)
              + (SELECT count(*) FROM content.brand_voice) AS n`,
      ),
    );
    expect(Number(rows[0]!.n)).toBe(0);
    // Another agency using A's workspace id sees nothing either: the tenant decides.
    const intruder = { ...otherAgency, workspaceId: a.workspaceId };
    expect((await s.call<{ items: unknown[] }>(intruder, 'GET', '/posts')).body.items).toEqual([]);
    const borrowed = await s.call<Problem>(intruder, 'POST', '/posts', { targets: [{ channelId: sky }] });
    expect(borrowed.status).toBe(400);
  });

  it('lets a designer read posts but not write them', async () => {
    const designer = { ...a, roles: ['designer' as const] };
    expect((await s.call(designer, 'GET', '/posts')).status).toBe(200);
    expect((await s.call(designer, 'POST', '/posts', { text: 'x' })).status).toBe(403);
  });
});
