import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectedX, rawCall, type ConnectedX } from './support/connected-x.js';

const base64Hmac = (message: string | Uint8Array) =>
  createHmac('sha256', 'x-consumer-secret').update(message).digest('base64');

// network-apis.md 5.8, bullet 8: CRC (base64!), the POST signature header, re-CRC via PUT.
describe('X webhooks (fixture notes 5.8)', () => {
  let x: ConnectedX | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
    await x?.close();
  });

  /** A Chorus intake stand-in: answers GET with the connector's challenge(). */
  const intake = async (connected: ConnectedX, broken: { value: boolean }) => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const answer = connected.connector.inbox!.webhook!.challenge!({
        rawBody: new Uint8Array(),
        headers: {},
        query: Object.fromEntries(url.searchParams),
      });
      if (!answer || broken.value) {
        response.writeHead(401).end();
        return;
      }
      response.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/community/webhooks/x-twitter`;
  };

  it('answers the CRC with sha256=<base64 HMAC> of crc_token; registration succeeds and PUT re-checks', async () => {
    x = await connectedX();
    const answer = x.connector.inbox!.webhook!.challenge!({
      rawBody: new Uint8Array(),
      headers: {},
      query: { crc_token: 'abc' },
    });
    expect(JSON.parse(answer!.body)).toEqual({ response_token: `sha256=${base64Hmac('abc')}` });
    expect(answer!.body).not.toContain(createHmac('sha256', 'x-consumer-secret').update('abc').digest('hex'));
    expect(
      x.connector.inbox!.webhook!.challenge!({ rawBody: new Uint8Array(), headers: {}, query: {} }),
    ).toBeNull();

    const broken = { value: false };
    const url = await intake(x, broken);
    const registered = await rawCall(`${x.setup.fake.url}/2/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });
    expect(registered.status).toBe(200);
    const webhook = registered.json.data as { id: string; valid: boolean };
    expect(webhook.valid).toBe(true);
    broken.value = true;
    const recheck = await rawCall(`${x.setup.fake.url}/2/webhooks/${webhook.id}`, { method: 'PUT' });
    expect(recheck.json).toEqual({ data: { valid: false } });
    broken.value = false;
    const again = await rawCall(`${x.setup.fake.url}/2/webhooks/${webhook.id}`, { method: 'PUT' });
    expect(again.json).toEqual({ data: { valid: true } });
  });

  it('a registration whose CRC answer is wrong is refused', async () => {
    x = await connectedX();
    const url = await intake(x, { value: true });
    const registered = await rawCall(`${x.setup.fake.url}/2/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });
    expect(registered.status).toBe(400);
  });

  it('verifies x-twitter-webhooks-signature over the raw bytes and parses comments and DMs for the right account', async () => {
    x = await connectedX();
    const webhook = x.connector.inbox!.webhook!;
    const { fake, peer, account } = x.setup;
    while (fake.nextWebhook()) {
      // start from an empty queue
    }
    const post = await x.connector.publish!(x.credentials, {
      idempotencyKey: 'w',
      fingerprint: 'w',
      post: { text: 'Hooked' },
    });
    fake.nextWebhook(); // the account's own post
    const reply = await peer.reply(post.remoteId, 'Webhook reply');
    const comment = fake.nextWebhook()!;
    expect(comment.headers['x-twitter-webhooks-signature']).toBe(`sha256=${base64Hmac(comment.rawBody)}`);
    expect(webhook.verify(comment)).toBe(true);
    expect(webhook.parse(comment)).toEqual([
      expect.objectContaining({
        remoteId: reply.remoteId,
        kind: 'comment',
        inReplyToRemoteId: post.remoteId,
        channelAccountId: account.id,
        text: 'Webhook reply',
      }),
    ]);
    const dm = await peer.directMessage('Webhook DM');
    const message = fake.nextWebhook()!;
    expect(webhook.verify(message)).toBe(true);
    expect(webhook.parse(message)).toEqual([
      expect.objectContaining({
        remoteId: dm.remoteId,
        kind: 'direct-message',
        channelAccountId: account.id,
      }),
    ]);
    // Re-serialised JSON, a hex signature, a missing header: not genuine.
    const reserialised = new TextEncoder().encode(
      JSON.stringify(JSON.parse(new TextDecoder().decode(message.rawBody)), null, 1),
    );
    expect(webhook.verify({ ...message, rawBody: reserialised })).toBe(false);
    const hex = `sha256=${createHmac('sha256', 'x-consumer-secret').update(message.rawBody).digest('hex')}`;
    expect(webhook.verify({ ...message, headers: { 'x-twitter-webhooks-signature': hex } })).toBe(false);
    expect(webhook.verify({ ...message, headers: {} })).toBe(false);
  });

  it('a delivery without for_user_id or that is not JSON throws; other events parse to nothing', () => {
    return connectedX().then((connected) => {
      x = connected;
      const webhook = connected.connector.inbox!.webhook!;
      const request = (body: string) => ({ rawBody: new TextEncoder().encode(body), headers: {} });
      expect(() => webhook.parse(request('<html>'))).toThrow(/not JSON/u);
      expect(() => webhook.parse(request('{"tweet_create_events":[]}'))).toThrow(/for_user_id/u);
      expect(webhook.parse(request('{"for_user_id":"1","favorite_events":[{}]}'))).toEqual([]);
    });
  });
});
