import { afterEach, describe, expect, it } from 'vitest';
import { handshake } from '@chorus/meta-graph/testing';
import {
  connectedFacebook,
  failure,
  type ConnectedFacebook,
  type GraphAnswer,
} from './support/connected-facebook.js';

// network-apis.md 2.7 (comments, private replies, Messenger) and 1.7 (paging, webhooks), against the fake.
let connected: ConnectedFacebook | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

async function get(path: string, token: string) {
  const response = await fetch(`${connected!.setup.fake.url}/v25.0${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as GraphAnswer;
}

async function postWithComments(count: number) {
  const { connector, credentials, setup } = connected!;
  const post = await connector.publish!(credentials, {
    idempotencyKey: 'p',
    fingerprint: 'p',
    post: { text: 'Comment here' },
  });
  const comments = Array.from({ length: count }, (_value, index) =>
    setup.fake.world.comment(setup.visitor, post.remoteId, `comment ${index}`),
  );
  return { post, comments };
}

describe('Facebook Pages engagement against the fake', () => {
  it('comments carry summary.total_count and cursor paging; the last page has no next', async () => {
    connected = await connectedFacebook();
    const { post } = await postWithComments(5);
    const token = connected.credentials.accessToken;
    const first = await get(`/${post.remoteId}/comments?summary=true&limit=2`, token);
    expect(first.summary?.total_count).toBe(5);
    expect(first.data).toHaveLength(2);
    expect(first.paging?.next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v25\.0\/.+after=/);
    const second = await get(
      `/${post.remoteId}/comments?summary=true&limit=2&after=${first.paging?.cursors.after}`,
      token,
    );
    expect(second.data?.map((item) => item.message)).toEqual(['comment 2', 'comment 3']);
    const last = (await (
      await fetch(`${second.paging?.next ?? ''}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as GraphAnswer;
    expect(last.data).toHaveLength(1);
    expect(last.paging?.next).toBeUndefined();
  });

  it('hide and unhide toggle is_hidden', async () => {
    connected = await connectedFacebook();
    const { comments } = await postWithComments(1);
    const { connector, credentials } = connected;
    await connector.inbox!.hide!(credentials, { remoteId: comments[0]!.id, hidden: true });
    expect((await get(`/${comments[0]!.id}?fields=is_hidden`, credentials.accessToken)).is_hidden).toBe(true);
    await connector.inbox!.hide!(credentials, { remoteId: comments[0]!.id, hidden: false });
    expect((await get(`/${comments[0]!.id}?fields=is_hidden`, credentials.accessToken)).is_hidden).toBe(
      false,
    );
  });

  it('deleting a comment removes it for good; deleting it again counts as deleted', async () => {
    connected = await connectedFacebook();
    const { comments } = await postWithComments(2);
    const { connector, credentials } = connected;
    await connector.inbox!.delete!(credentials, { remoteId: comments[0]!.id });
    expect((await get(`/${comments[0]!.id}`, credentials.accessToken)).error?.code).toBe(100);
    await connector.inbox!.delete!(credentials, { remoteId: comments[0]!.id });
    expect((await get(`/${comments[1]!.id}`, credentials.accessToken)).id).toBe(comments[1]!.id);
  });

  it('without pages_manage_engagement, deleting a comment is refused (code 10) and it stays', async () => {
    connected = await connectedFacebook({ declined: ['pages_manage_engagement'] });
    const { comments } = await postWithComments(1);
    const { connector, credentials } = connected;
    const error = await failure(connector.inbox!.delete!(credentials, { remoteId: comments[0]!.id }));
    expect(error.kind).toBe('reauth-required');
    expect(error.message).toContain('pages_manage_engagement');
    expect((await get(`/${comments[0]!.id}`, credentials.accessToken)).id).toBe(comments[0]!.id);
  });

  it('without pages_read_user_content, `from` is omitted and the inbox names the author generically', async () => {
    connected = await connectedFacebook({ declined: ['pages_read_user_content'] });
    const { comments } = await postWithComments(1);
    const { connector, credentials } = connected;
    const comment = await get(`/${comments[0]!.id}?fields=id,message,from`, credentials.accessToken);
    expect(comment.from).toBeUndefined();
    const page = await connector.inbox!.pull!(credentials, { cursor: null });
    const found = page.interactions.find((item) => item.remoteId === comments[0]!.id);
    expect(found?.author).toMatchObject({ remoteId: 'unknown', handle: 'Facebook user' });
  });

  it('a private reply is allowed once per comment; the second attempt is refused', async () => {
    connected = await connectedFacebook();
    const { comments } = await postWithComments(1);
    const { credentials, setup } = connected;
    const send = () =>
      fetch(`${setup.fake.url}/v25.0/${credentials.accountId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${credentials.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          recipient: { comment_id: comments[0]!.id },
          message: { text: 'Hi in private' },
        }),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as GraphAnswer,
      }));
    expect((await send()).body.message_id).toBeDefined();
    const again = await send();
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({
      code: 10900,
      message: expect.stringMatching(/already replied/) as unknown,
    });
  });

  it('a Messenger reply outside the 24 h window is refused with code 10 / 2018278, as invalid content (not a reconnect)', async () => {
    connected = await connectedFacebook();
    const { connector, credentials, setup } = connected;
    setup.fake.world.message(setup.visitor, setup.page, 'Hello?');
    const { interactions } = await connector.inbox!.pull!(credentials, { cursor: null });
    const message = interactions.find((item) => item.kind === 'direct-message')!;
    const answer = await connector.inbox!.reply!(credentials, {
      to: message,
      text: 'Hi!',
      idempotencyKey: 'r1',
    });
    expect(answer.remoteId).toMatch(/^m_/);
    setup.fake.advance(25 * 3_600_000);
    const error = await failure(
      connector.inbox!.reply!(credentials, { to: message, text: 'Late', idempotencyKey: 'r2' }),
    );
    expect(error.kind).toBe('invalid-content');
    expect(error.message).toMatch(/allowed window/);
  });

  it('the inbox pulls comments, mentions and messages once each, oldest first, skipping the Page’s own comments', async () => {
    connected = await connectedFacebook();
    const { connector, credentials, setup } = connected;
    const { post, comments } = await postWithComments(2);
    await connector.inbox!.reply!(credentials, {
      to: {
        remoteId: comments[0]!.id,
        kind: 'comment',
        conversationId: post.remoteId,
        inReplyToRemoteId: post.remoteId,
        author: { remoteId: setup.visitor.id, handle: 'v', displayName: null, url: null },
        text: '',
        createdAt: '',
        url: null,
      },
      text: 'Thanks!',
      idempotencyKey: 'x',
    });
    setup.fake.world.mention(setup.visitor, setup.page, '@Chorus Test look');
    setup.fake.world.message(setup.visitor, setup.page, 'psst');
    const first = await connector.inbox!.pull!(credentials, { cursor: null });
    expect(first.interactions.map((item) => item.kind).sort()).toEqual([
      'comment',
      'comment',
      'direct-message',
      'mention',
    ]);
    expect(first.interactions.map((item) => item.text)).not.toContain('Thanks!');
    const second = await connector.inbox!.pull!(credentials, { cursor: first.cursor });
    expect(second.interactions).toEqual([]);
    expect(second.cursor).toBe(first.cursor);
  });
});

describe('Facebook Pages webhooks', () => {
  it('answers the hub.challenge handshake with the raw challenge only for the right verify token', async () => {
    connected = await connectedFacebook();
    const webhook = connected.connector.inbox!.webhook!;
    expect(webhook.challenge!(handshake('verify-me', '1158201444'))).toEqual({
      status: 200,
      body: '1158201444',
      contentType: 'text/plain',
    });
    expect(webhook.challenge!(handshake('wrong', '1158201444'))?.status).toBe(403);
    expect(webhook.challenge!({ rawBody: new Uint8Array(), headers: {} })).toBeNull();
  });

  it('a batched delivery (several changes and messages) verifies on the raw body and parses each interaction', async () => {
    connected = await connectedFacebook();
    const { connector, setup } = connected;
    const { post } = await postWithComments(2);
    setup.fake.world.message(setup.visitor, setup.page, 'via messenger');
    setup.fake.world.mention(setup.visitor, setup.page, 'mentioned');
    const delivery = (await setup.fake.flushWebhooks())!;
    const webhook = connector.inbox!.webhook!;
    expect(webhook.verify(delivery)).toBe(true);
    const parsed = webhook.parse(delivery);
    expect(parsed.map((item) => item.kind)).toEqual(['comment', 'comment', 'mention', 'direct-message']);
    expect(parsed[0]).toMatchObject({
      conversationId: post.remoteId,
      inReplyToRemoteId: post.remoteId,
      channelAccountId: setup.page.id,
    });
    // The same bytes re-serialised (spacing) no longer match: the signature is over the exact bytes.
    const reserialised = Buffer.from(
      JSON.stringify(JSON.parse(Buffer.from(delivery.rawBody).toString()), null, 1),
    );
    expect(webhook.verify({ ...delivery, rawBody: reserialised })).toBe(false);
    expect(webhook.verify({ ...delivery, headers: {} })).toBe(false);
    expect(webhook.verify({ ...delivery, headers: { 'x-hub-signature-256': 'sha1=abc' } })).toBe(false);
  });

  it('the fake verifies a subscribed callback with the handshake, then POSTs signed deliveries to it', async () => {
    connected = await connectedFacebook();
    const { connector, setup } = connected;
    const { createServer } = await import('node:http');
    const received: { headers: Record<string, string | undefined>; body: Buffer }[] = [];
    const webhook = connector.inbox!.webhook!;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const query = Object.fromEntries(url.searchParams);
        if (request.method === 'GET') {
          const answer = webhook.challenge!({ rawBody: new Uint8Array(), headers: {}, query })!;
          response.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
          return;
        }
        received.push({
          headers: request.headers as Record<string, string | undefined>,
          body: Buffer.concat(chunks),
        });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await setup.fake.server.subscribe(`http://127.0.0.1:${port}/hooks/meta`, 'verify-me');
    await postWithComments(1);
    await setup.fake.flushWebhooks();
    expect(received).toHaveLength(1);
    expect(webhook.verify({ rawBody: received[0]!.body, headers: received[0]!.headers })).toBe(true);
    // While the callback still listens: a wrong verify token is refused by the connector's handshake (403).
    await expect(
      setup.fake.server.subscribe(`http://127.0.0.1:${port}/hooks/meta`, 'wrong-token'),
    ).rejects.toThrow(/HTTP 403 verify token mismatch/u);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
