import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type PostScheduledV2 } from '@chorus/contracts';
import { parseCsv, writeCsv } from '../src/calendar-exchange/domain/csv.value-object.js';
import { ContentTestService, type Caller } from './support/content-test-service.js';
import { channelConnected } from './support/content-fixtures.js';
import { imageFile } from './support/media-files.js';

// CSV import and export and the iCalendar export and feed, over HTTP on the real PostgreSQL, with the events
// the imported posts emit.

interface Problem {
  message: string;
  problems: { field: string; problem: string }[];
}
interface Report {
  dryRun: boolean;
  imported: number;
  skipped: number;
  rows: { row: number; status: string; postId: string | null; problems: Problem['problems'] }[];
}

const HEADER = 'channel,date,time,timeZone,text,firstComment,contentType,tags,mediaIds';

describe('calendar import and export on postgres', () => {
  let s: ContentTestService;
  const a: Caller = ContentTestService.newCaller(['content-manager']);
  const sky = uuidv7();
  const insta = uuidv7();
  let photo: string;

  const postCount = async () => (await s.call<{ items: unknown[] }>(a, 'GET', '/posts')).body.items.length;
  const scheduledEvents = () => s.delivered.filter((e) => e.type === 'PostScheduled');

  beforeAll(async () => {
    s = await ContentTestService.start('postgres');
    await s.publish(a.tenantId, [
      channelConnected(a, sky, 'bluesky', '@acme.bsky.social'),
      channelConnected(a, insta, 'instagram', '@acmecoffee'),
    ]);
    await s.until(
      async () => (await s.call<{ items: unknown[] }>(a, 'GET', '/channels')).body.items.length,
      (n) => n === 2,
    );
    const uploaded = await s.send(a, 'POST', '/media', {
      bytes: await imageFile('jpeg', 600, 600),
      contentType: 'image/jpeg',
    });
    photo = (uploaded.json() as { id: string }).id;
  }, 60_000);

  afterAll(async () => {
    await s?.stop();
  });

  const importing = (csv: string, extra: Record<string, unknown> = {}) =>
    s.call<Report & Problem>(a, 'POST', '/calendar/import', { csv, ...extra });

  const badCsv = [
    HEADER,
    // Row 2: fine. Row 3: an unknown channel and a time that is not one. Row 4: over Bluesky's 300 graphemes.
    '@acme.bsky.social,2027-03-29,09:00,Europe/Rome,Good row #acmecoffee,,,,',
    'nobody,2027-03-29,25:00,Europe/Rome,x,,,,',
    `acme.bsky.social,2027-03-29,10:00,Europe/Rome,${'é'.repeat(301)},,,,`,
    // Row 5: an unknown zone and a media id that is not in the library. Row 6: in the past.
    `@acmecoffee,2027-03-29,10:00,Mars/Olympus,x,,image,,${uuidv7()}`,
    '@acmecoffee,2020-01-01,10:00,Europe/Rome,x,,,,',
  ].join('\n');

  it('refuses a file with bad rows, naming each row and column, and imports nothing', async () => {
    const before = await postCount();
    const events = scheduledEvents().length;
    const answer = await importing(badCsv);
    expect(answer.status).toBe(400);
    const fields = answer.body.problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'rows.3.channel',
        'rows.3.time',
        'rows.4.text',
        'rows.5.timeZone',
        'rows.6.time',
      ]),
    );
    expect(fields.some((f) => f.startsWith('rows.2.'))).toBe(false);
    expect(answer.body.problems.find((p) => p.field === 'rows.4.text')!.problem).toContain('limit 300');
    expect(answer.body.message).toContain('rows.3.channel');
    expect(await postCount()).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(scheduledEvents()).toHaveLength(events);

    const unknownMedia = await importing(
      [HEADER, `@acmecoffee,2027-03-29,10:00,Europe/Rome,x,,image,,${uuidv7()}`].join('\n'),
    );
    expect(unknownMedia.body.problems.map((p) => p.field)).toEqual(['rows.2.mediaIds']);
  });

  it('reports a dry run without storing, then imports only the valid rows when asked', async () => {
    const before = await postCount();
    const dry = await importing(badCsv, { mode: 'valid-rows-only', dryRun: true });
    expect(dry.status).toBe(201);
    expect(dry.body).toMatchObject({ dryRun: true, imported: 0, skipped: 4 });
    expect(dry.body.rows.map((r) => r.status)).toEqual(['valid', 'invalid', 'invalid', 'invalid', 'invalid']);
    expect(await postCount()).toBe(before);

    const partial = await importing(badCsv, { mode: 'valid-rows-only' });
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ dryRun: false, imported: 1, skipped: 4 });
    const good = partial.body.rows[0]!;
    expect(good).toMatchObject({ row: 2, status: 'scheduled', problems: [] });
    expect(await postCount()).toBe(before + 1);
    const post = await s.call<{ status: string; targets: { channelId: string }[] }>(
      a,
      'GET',
      `/posts/${good.postId!}`,
    );
    expect(post.body).toMatchObject({ status: 'scheduled', targets: [{ channelId: sky }] });
  });

  it('imports a valid file in one go, with local times resolved as the calendar resolves them', async () => {
    const csv = writeCsv([
      HEADER.split(','),
      // 02:30 does not exist in Rome on 28 March 2027 (spring forward): it publishes at 03:30 (01:30Z).
      [
        '@acmecoffee',
        '2027-03-28',
        '02:30',
        'Europe/Rome',
        'Roast day, "dark"; beans\nand more #acmecoffee',
        'First!',
        'image',
        'launch|cold brew',
        photo,
      ],
      [sky, '2027-04-02', '18:15', 'Asia/Jerusalem', 'שלום, קפה טרי #acmecoffee', '', '', '', ''],
    ]);
    const answer = await importing(csv);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.rows.map((r) => r.status)).toEqual(['scheduled', 'scheduled']);
    const ids = answer.body.rows.map((r) => r.postId!);
    const events = await s.until(
      () =>
        Promise.resolve(
          scheduledEvents()
            .map((e) => e.payload as PostScheduledV2)
            .filter((p) => ids.includes(p.postId)),
        ),
      (found) => found.length === 2,
    );
    const rome = events.find((e) => e.postId === ids[0])!;
    expect(new Date(rome.scheduledFor).toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(rome.media[0]).toMatchObject({ mediaId: photo, mimeType: 'image/jpeg', width: 600 });
    expect(new Date(events.find((e) => e.postId === ids[1])!.scheduledFor).toISOString()).toBe(
      '2027-04-02T15:15:00.000Z',
    );
  });

  it('exports a range as CSV that imports back, and as iCalendar with stable UIDs in UTC', async () => {
    const csv = await s.send(
      a,
      'GET',
      '/calendar/export.csv?from=2027-03-28&to=2027-04-02&timeZone=Europe/Rome',
    );
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const parsed = parseCsv(csv.bytes.toString('utf8'));
    expect(parsed.ok).toBe(true);
    const [header, ...rows] = (parsed as { rows: string[][] }).rows;
    expect(header!.slice(0, 9)).toEqual(HEADER.split(','));
    expect(rows).toHaveLength(3); // the partial import's row and the two of the valid file
    const roast = rows.find((r) => r[1] === '2027-03-28')!;
    expect(roast.slice(0, 9)).toEqual([
      '@acmecoffee',
      '2027-03-28',
      '03:30',
      'Europe/Rome',
      'Roast day, "dark"; beans\nand more #acmecoffee',
      'First!',
      'image',
      'launch|cold brew',
      photo,
    ]);
    const again = await importing(csv.bytes.toString('utf8'), { dryRun: true });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.rows.every((r) => r.status === 'valid')).toBe(true);

    const ics = await s.send(
      a,
      'GET',
      '/calendar/export.ics?from=2027-03-28&to=2027-04-02&timeZone=Europe/Rome',
    );
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const text = ics.bytes.toString('utf8');
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(unfolded).toContain('DTSTART:20270328T013000Z');
    expect(unfolded).toContain('DTSTART:20270402T151500Z');
    expect(unfolded).toContain('Roast day\\, "dark"\\; beans\\nand more');
    const uids = (t: string) => [...t.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]).sort();
    const second = await s.send(
      a,
      'GET',
      '/calendar/export.ics?from=2027-03-28&to=2027-04-02&timeZone=Europe/Rome',
    );
    expect(uids(second.bytes.toString('utf8').replace(/\r\n[ \t]/g, ''))).toEqual(uids(unfolded));

    const narrow = await s.send(
      a,
      'GET',
      '/calendar/export.ics?from=2027-03-29&to=2027-03-29&timeZone=Europe/Rome',
    );
    expect(narrow.bytes.toString('utf8').match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const backwards = await s.call<Problem>(
      a,
      'GET',
      '/calendar/export.csv?from=2027-04-02&to=2027-03-28&timeZone=Europe/Rome',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toContain('to');
    const zone = await s.call<Problem>(
      a,
      'GET',
      '/calendar/export.ics?from=2027-03-28&to=2027-03-29&timeZone=Nowhere/City',
    );
    expect(zone.status).toBe(400);
    expect(zone.body.problems[0]!.field).toBe('timeZone');
  });

  it('serves the iCalendar feed by a signed URL to a calendar app, and refuses an altered one', async () => {
    const link = await s.call<{ url: string; expiresAt: string }>(a, 'GET', '/calendar/feed-url');
    expect(link.status).toBe(200);
    const path =
      new URL(link.body.url).pathname.replace(/^\/api\/content/, '') + new URL(link.body.url).search;
    const feed = await s.send(null, 'GET', path);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.bytes.toString('utf8').match(/BEGIN:VEVENT/g)).toHaveLength(3);
    const otherWorkspace = path.replace(a.workspaceId, uuidv7());
    expect((await s.send(null, 'GET', otherWorkspace)).status).toBe(403);
    const later = path.replace(/expires=(\d+)/, (_m, n: string) => `expires=${Number(n) + 1}`);
    expect((await s.send(null, 'GET', later)).status).toBe(403);
    expect(
      (await s.send(null, 'GET', '/calendar/export.ics?from=2027-03-28&to=2027-03-29&timeZone=Europe/Rome'))
        .status,
    ).toBe(401);
  });

  it('revokes the feed link: every earlier link answers 410, the new one works, a forged one stays 403', async () => {
    const local = (url: string) => new URL(url).pathname.replace(/^\/api\/content/, '') + new URL(url).search;
    const first = local((await s.call<{ url: string }>(a, 'GET', '/calendar/feed-url')).body.url);
    expect((await s.send(null, 'GET', first)).status).toBe(200);

    const analyst = { ...a, roles: ['analyst' as const] };
    expect((await s.call(analyst, 'POST', '/calendar/feed-url/revoke')).status).toBe(403);
    expect((await s.send(null, 'GET', first)).status).toBe(200);

    const revoked = await s.call<{ url: string; expiresAt: string }>(a, 'POST', '/calendar/feed-url/revoke');
    expect(revoked.status).toBe(200);
    const second = local(revoked.body.url);
    expect(second).toContain('generation=2');
    const gone = await s.send(null, 'GET', first);
    expect(gone.status).toBe(410);
    expect((gone.json() as { message: string }).message).toContain('was revoked');
    const fresh = await s.send(null, 'GET', second);
    expect(fresh.status).toBe(200);
    expect(fresh.bytes.toString('utf8')).toContain('BEGIN:VCALENDAR');
    // GET /calendar/feed-url now hands out the new generation too.
    expect(local((await s.call<{ url: string }>(a, 'GET', '/calendar/feed-url')).body.url)).toContain(
      'generation=2',
    );

    // Revoked again: the second link goes too; a link with a forged signature learns nothing (403, not 410).
    const third = local((await s.call<{ url: string }>(a, 'POST', '/calendar/feed-url/revoke')).body.url);
    expect((await s.send(null, 'GET', second)).status).toBe(410);
    expect((await s.send(null, 'GET', third)).status).toBe(200);
    const forged = first.replace(/signature=.(.*)$/, 'signature=A$1');
    expect((await s.send(null, 'GET', forged)).status).toBe(403);
  });
});
