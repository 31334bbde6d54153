import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startAllServicesOnPostgres,
  type AllServicesOnPostgres,
} from './support/all-services-on-postgres.js';

// The media library and the calendar feed through the gateway: a member uploads a file as a raw body; a
// network (no account, no session) fetches it by its signed link, a calendar app reads the feed, and nothing
// else under /api/content opens without a member. On the real PostgreSQL, every service in one process.

describe('media and calendar feed through the gateway (PostgreSQL)', () => {
  let host: AllServicesOnPostgres;
  let token = '';

  const send = (method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string) =>
    fetch(`${host.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  /** A signed link's path and query, on this host. */
  const pathOf = (url: string) => `${new URL(url).pathname}${new URL(url).search}`;

  beforeAll(async () => {
    host = await startAllServicesOnPostgres();
    const email = `owner-${randomUUID()}@example.test`;
    const password = 'correct horse battery';
    const json = { 'content-type': 'application/json' };
    const signUp = await send(
      'POST',
      '/api/auth/sign-up',
      json,
      JSON.stringify({
        agencyName: 'Acme agency',
        workspaceName: 'Acme coffee',
        name: 'Olga',
        email,
        password,
      }),
    );
    expect(signUp.status).toBe(202);
    const signIn = await send('POST', '/api/auth/sign-in', json, JSON.stringify({ email, password }));
    token = ((await signIn.json()) as { token: string }).token;
  }, 240_000);

  afterAll(async () => {
    await host?.close();
  });

  it('uploads a file as bytes and serves it by its signed link to a caller without an account', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#6b3e26' } })
      .png()
      .toBuffer();
    const auth = { authorization: `Bearer ${token}` };
    const uploaded = await send(
      'POST',
      '/api/content/media?fileName=beans.png',
      { ...auth, 'content-type': 'application/octet-stream' },
      png,
    );
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const media = (await uploaded.json()) as { mimeType: string; width: number; url: string };
    expect(media).toMatchObject({ mimeType: 'image/png', width: 300 });

    const fetched = await send('GET', pathOf(media.url));
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await fetched.arrayBuffer()).equals(png)).toBe(true);
    expect((await send('GET', pathOf(media.url).replace(/signature=./, 'signature=_'))).status).toBe(403);

    const misnamed = await send(
      'POST',
      '/api/content/media?fileName=beans.jpg',
      { ...auth, 'content-type': 'application/octet-stream' },
      png,
    );
    expect(misnamed.status).toBe(400);
    expect(((await misnamed.json()) as { message: string }).message).toContain('rename it to .png');
  });

  it('serves the calendar feed by its link, and keeps every other content route behind a member', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const link = (await (await send('GET', '/api/content/calendar/feed-url', auth)).json()) as {
      url: string;
    };
    const feed = await send('GET', pathOf(link.url));
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR\r\n');
    expect((await send('GET', '/api/content/media')).status).toBe(401);
    const elsewhere = await send('POST', '/api/content/posts', { ...auth, 'content-type': 'image/png' }, 'x');
    expect(elsewhere.status).toBe(415);
  });
});
