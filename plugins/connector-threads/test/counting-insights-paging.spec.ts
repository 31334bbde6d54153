import { afterEach, describe, expect, it } from 'vitest';
import { connectedThreads, type ConnectedThreads } from './support/connected-threads.js';

// network-apis.md 4.2 (500 characters, emoji by UTF-8 length), 4.3 (replies and mentions, paged), 4.4 (views).
let connected: ConnectedThreads | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const DAY_MS = 86_400_000;
const tooLong = async (text: string) =>
  (await connected!.connector.validate({ text })).some((issue) => issue.path.join('.') === 'text');

describe('Threads text length', () => {
  it.each([
    ['500 Latin letters', 'a'.repeat(500), false],
    ['501 Latin letters', 'a'.repeat(501), true],
    ['an emoji weighs its 4 UTF-8 bytes', `${'a'.repeat(496)}😀`, false],
    ['an emoji weighs its 4 UTF-8 bytes, one over', `${'a'.repeat(497)}😀`, true],
    ['a heart with its variation selector weighs 6', `${'a'.repeat(494)}❤️`, false],
    ['a heart with its variation selector weighs 6, one over', `${'a'.repeat(495)}❤️`, true],
    ['a thumb with a skin tone weighs 8', `${'a'.repeat(493)}👍🏽`, true],
    ['a ZWJ family weighs 18', `${'a'.repeat(482)}👨‍👩‍👧`, false],
    ['a ZWJ family weighs 18, one over', `${'a'.repeat(483)}👨‍👩‍👧`, true],
    ['a flag weighs 8', `${'a'.repeat(493)}🇮🇹`, true],
    ['500 CJK ideographs count one each', '日'.repeat(500), false],
    ['501 CJK ideographs', '日'.repeat(501), true],
    ['a combining accent counts on its own', 'e\u0301'.repeat(250), false],
    ['a combining accent counts on its own, one over', `${'e\u0301'.repeat(250)}a`, true],
  ])('%s', async (_name, text, refused) => {
    connected ??= await connectedThreads();
    expect(await tooLong(text)).toBe(refused);
  });

  it('the fake counts the same way: what the connector accepts publishes, and the network refuses one more byte', async () => {
    connected = await connectedThreads();
    const { connector, credentials, setup } = connected;
    const fits = `${'a'.repeat(494)}❤️`;
    await connector.publish!(credentials, { idempotencyKey: 'h', fingerprint: 'h', post: { text: fits } });
    expect(setup.fake.published().map((post) => post.text)).toEqual([fits]);
    const response = await fetch(`${setup.fake.url}/v1.0/me/threads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${credentials.accessToken}` },
      body: new URLSearchParams({ media_type: 'TEXT', text: `a${fits}` }),
    });
    expect(response.status).toBe(400);
  });
});

describe('Threads ids', () => {
  it('the account id past 2^53, sent by Meta as a bare JSON number, is kept to the last digit', async () => {
    connected = await connectedThreads();
    const { credentials, setup } = connected;
    expect(BigInt(setup.account.id)).toBeGreaterThan(2n ** 53n);
    expect(credentials.accountId).toBe(setup.account.id);
  });
});

describe('Threads profile views', () => {
  it('account views add up the daily series over the range asked, not the last day only', async () => {
    connected = await connectedThreads();
    const { connector, credentials, setup } = connected;
    const now = setup.fake.state.now();
    setup.fake.state.profileViews.push(
      { userId: setup.account.id, at: now - 3 * DAY_MS },
      { userId: setup.account.id, at: now - 10 * DAY_MS },
      { userId: setup.account.id, at: now - 2 * 3_600_000 },
      { userId: setup.account.id, at: now - 60 * DAY_MS }, // before the 30 days asked
    );
    const account = await connector.insights!.account!(credentials);
    expect(account.metrics.views).toBe(3);
    const asked = setup.fake.server.requests().filter((entry) => entry.path.endsWith('/threads_insights'));
    const range = Number(asked[0]!.query.until) - Number(asked[0]!.query.since);
    expect(range).toBe(30 * 86_400);
  });
});

describe('Threads post insights when a read fails', () => {
  it('a deleted post (100/33) is left out; any other refusal is thrown, never read as "gone"', async () => {
    connected = await connectedThreads();
    const { connector, credentials, setup } = connected;
    const post = await connector.publish!(credentials, {
      idempotencyKey: 'm',
      fingerprint: 'm',
      post: { text: 'measured' },
    });
    const gone = await connector.publish!(credentials, {
      idempotencyKey: 'g',
      fingerprint: 'g',
      post: { text: 'gone' },
    });
    await connector.delete!(credentials, { remoteId: gone.remoteId });
    const results = await connector.insights!.post!(credentials, {
      remoteIds: [gone.remoteId, post.remoteId],
    });
    expect(results.map((result) => result.remoteId)).toEqual([post.remoteId]);
    setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 100, message: '(#100) Invalid parameter' },
      match: { method: 'GET', path: `/${post.remoteId}` },
    });
    await expect(
      connector.insights!.post!(credentials, { remoteIds: [post.remoteId] }),
    ).rejects.toMatchObject({
      kind: 'invalid-content',
    });
  });
});

describe('Threads inbox paging', () => {
  it('replies and mentions are read past their first page', async () => {
    connected = await connectedThreads();
    const { connector, credentials, setup } = connected;
    const root = setup.fake.world.post(setup.account, 'talk to me');
    const replies = Array.from({ length: 60 }, (_v, index) =>
      setup.fake.world.post(setup.other, `reply ${index}`, root),
    );
    const mentions = Array.from({ length: 60 }, (_v, index) =>
      setup.fake.world.post(setup.other, `@chorus.test hello ${index}`),
    );
    const { interactions } = await connector.inbox!.pull!(credentials, { cursor: null });
    const ids = new Set(interactions.map((item) => item.remoteId));
    expect(replies.filter((id) => !ids.has(id))).toEqual([]);
    expect(mentions.filter((id) => !ids.has(id))).toEqual([]);
  });
});
