import { afterEach, describe, expect, it } from 'vitest';
import { connectedX, rawCall, type ConnectedX } from './support/connected-x.js';

// network-apis.md 5.8, bullet 6: meta.next_token / pagination_token, since_id for mentions polling.
describe('X timelines and inbox polling (fixture notes 5.8)', () => {
  let x: ConnectedX | undefined;
  afterEach(() => x?.close());

  it('pages a timeline newest first with meta.next_token until none is left', async () => {
    x = await connectedX();
    const { fake, account, peer } = x.setup;
    for (let index = 0; index < 12; index += 1) {
      await peer.mention(`page ${index}`);
    }
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const query = new URLSearchParams({ max_results: '5', ...(token ? { pagination_token: token } : {}) });
      const page = await rawCall(`${fake.url}/2/users/${account.id}/mentions?${query.toString()}`, {
        token: x.credentials.accessToken,
      });
      const meta = page.json.meta as { result_count: number; next_token?: string; newest_id?: string };
      seen.push(...(page.json.data as { id: string }[]).map((item) => item.id));
      token = meta.next_token;
    } while (token);
    expect(seen).toHaveLength(12);
    const sorted = [...seen].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));
    expect(seen).toEqual(sorted);
    const bad = await rawCall(`${fake.url}/2/users/${account.id}/mentions?max_results=101`, {
      token: x.credentials.accessToken,
    });
    expect(bad.status).toBe(400);
  });

  it('since_id returns only newer mentions; the inbox pulls across several pages and returns each once, oldest first', async () => {
    x = await connectedX();
    const { peer } = x.setup;
    const pull = (cursor: string | null) => x!.connector.inbox!.pull!(x!.credentials, { cursor });
    await peer.mention('before the first pull');
    const first = await pull(null);
    expect(first.interactions.map((item) => item.text)).toEqual(['@chorusbrand before the first pull']);
    const sent: string[] = [];
    // More than X lets one user post in 15 minutes: written straight into the fake's state.
    for (let index = 0; index < 105; index += 1) {
      sent.push(x.setup.fake.state.createPost(x.setup.other, { text: `@chorusbrand burst ${index}` }).id);
    }
    const second = await pull(first.cursor);
    expect(second.interactions.map((item) => item.remoteId)).toEqual(sent);
    expect(second.interactions.every((item) => item.kind === 'mention')).toBe(true);
    const third = await pull(second.cursor);
    expect(third.interactions).toEqual([]);
    expect(third.cursor).toBe(second.cursor);
  });

  it('a backlog longer than 10 pages is read over several pulls: the cursor keeps the pagination token', async () => {
    x = await connectedX();
    const { fake, other } = x.setup;
    const pull = (cursor: string | null) => x!.connector.inbox!.pull!(x!.credentials, { cursor });
    fake.state.createPost(other, { text: '@chorusbrand already there' });
    const first = await pull(null);
    expect(first.interactions).toHaveLength(1);
    const sent: string[] = [];
    for (let index = 0; index < 1050; index += 1) {
      sent.push(fake.state.createPost(other, { text: `@chorusbrand backlog ${index}` }).id);
    }
    const second = await pull(first.cursor);
    // 10 pages of 100, newest first: the 1000 newest now, the 50 older ones at the next pull.
    expect(second.interactions.map((item) => item.remoteId)).toEqual(sent.slice(50));
    const later = fake.state.createPost(other, { text: '@chorusbrand while catching up' }).id;
    const third = await pull(second.cursor);
    expect(third.interactions.map((item) => item.remoteId)).toEqual(sent.slice(0, 50));
    const fourth = await pull(third.cursor);
    expect(fourth.interactions.map((item) => item.remoteId)).toEqual([later]);
    expect((await pull(fourth.cursor)).interactions).toEqual([]);
  });

  it('a limit that cuts an unfinished backlog scan loses nothing: the cut mentions come once the scan ends', async () => {
    x = await connectedX();
    const { fake, other } = x.setup;
    const pull = (cursor: string | null, limit?: number) =>
      x!.connector.inbox!.pull!(x!.credentials, { cursor, ...(limit ? { limit } : {}) });
    fake.state.createPost(other, { text: '@chorusbrand already there' });
    const first = await pull(null);
    const sent: string[] = [];
    for (let index = 0; index < 1050; index += 1) {
      sent.push(fake.state.createPost(other, { text: `@chorusbrand cut ${index}` }).id);
    }
    const limited = await pull(first.cursor, 400);
    expect(limited.interactions.map((item) => item.remoteId)).toEqual(sent.slice(50, 450));
    const older = await pull(limited.cursor);
    expect(older.interactions.map((item) => item.remoteId)).toEqual(sent.slice(0, 50));
    const rest = await pull(older.cursor);
    expect(rest.interactions.map((item) => item.remoteId)).toEqual(sent.slice(450));
    expect((await pull(rest.cursor)).interactions).toEqual([]);
  });

  it('an account connected without dm.read polls mentions only', async () => {
    x = await connectedX();
    const limited = await x.connect(['tweet.read', 'users.read', 'tweet.write', 'offline.access']);
    await x.setup.peer.directMessage('not readable');
    await x.setup.peer.mention('readable');
    const page = await x.connector.inbox!.pull!(limited, { cursor: null });
    expect(page.interactions.map((item) => item.kind)).toEqual(['mention']);
  });

  it('a reply to the account is a comment on its post; a DM arrives with its conversation; own messages are left out', async () => {
    x = await connectedX();
    const { peer } = x.setup;
    const cursor = (await x.connector.inbox!.pull!(x.credentials, { cursor: null })).cursor;
    const post = await x.connector.publish!(x.credentials, {
      idempotencyKey: 'p',
      fingerprint: 'p',
      post: { text: 'Ask me' },
    });
    const reply = await peer.reply(post.remoteId, 'A question');
    const dm = await peer.directMessage('Psst');
    const page = await x.connector.inbox!.pull!(x.credentials, { cursor });
    expect(page.interactions.map((item) => [item.kind, item.remoteId])).toEqual([
      ['comment', reply.remoteId],
      ['direct-message', dm.remoteId],
    ]);
    const message = page.interactions[1]!;
    expect(message.author.handle).toBe('peeruser');
    const answer = await x.connector.inbox!.reply!(x.credentials, {
      to: message,
      text: 'Hello back',
      idempotencyKey: 'a',
    });
    const again = await x.connector.inbox!.pull!(x.credentials, { cursor: page.cursor });
    expect(again.interactions.map((item) => item.remoteId)).not.toContain(answer.remoteId);
    expect(x.setup.fake.state.directMessages.at(-1)).toMatchObject({
      text: 'Hello back',
      conversationId: message.conversationId,
    });
  });
});
