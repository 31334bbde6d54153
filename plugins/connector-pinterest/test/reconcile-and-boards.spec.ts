import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError, type Clock } from '@chorus/connector-sdk';
import { sampleMedia, type PinRecord } from '../src/testing/index.js';
import {
  connectedPinterest,
  failureOf,
  pinInput,
  type ConnectedPinterest,
} from './support/connected-pinterest.js';

/** A pin put on the board as Pinterest's other clients would (moved or saved there), created at `createdAt`. */
function pinOnBoard(p: ConnectedPinterest, description: string, createdAt = new Date()): PinRecord {
  const { state } = p.setup.fake;
  const record: PinRecord = {
    id: state.nextId(),
    boardId: p.boardId,
    boardSectionId: null,
    ownerId: p.setup.account.id,
    title: null,
    description,
    link: null,
    altText: null,
    mediaType: 'image',
    mediaSource: { source_type: 'image_url' },
    createdAt: createdAt.toISOString(),
    deleted: false,
    counters: {
      impressions: 0,
      saves: 0,
      pinClicks: 0,
      outboundClicks: 0,
      comments: 0,
      reactions: 0,
      videoViews: 0,
    },
  };
  state.pins.set(record.id, record);
  return record;
}

const windowFrom = (started: Date) => ({
  from: new Date(started.getTime() - 1000).toISOString(),
  to: new Date(Date.now() + 1000).toISOString(),
});

describe('choosing a board', () => {
  let p: ConnectedPinterest;
  beforeAll(async () => {
    p = await connectedPinterest();
  });
  afterAll(() => p.close());

  const withoutBoard = () => {
    const input = pinInput('');
    return { ...input, post: { ...input.post, settings: {} } };
  };

  it("uses the post's boardId, else the configured default board", async () => {
    const [launches, recipes] = p.setup.boards;
    const chosen = await p.connector.publish!(p.credentials, pinInput(recipes!.id));
    expect(p.setup.fake.state.pins.get(chosen.remoteId)?.boardId).toBe(recipes!.id);
    const withDefault = await p.connectorWith({ defaultBoardId: launches!.id });
    const byDefault = await withDefault.publish!(p.credentials, withoutBoard());
    expect(p.setup.fake.state.pins.get(byDefault.remoteId)?.boardId).toBe(launches!.id);
  });

  it("pins to the account's only board when there is one; with none, says to create one", async () => {
    const single = await connectedPinterest();
    try {
      const [, recipes] = single.setup.boards;
      single.setup.fake.state.boards.delete(recipes!.id);
      const result = await single.connector.publish!(single.credentials, withoutBoard());
      expect(single.setup.fake.state.pins.get(result.remoteId)?.boardId).toBe(single.boardId);
      single.setup.fake.state.boards.delete(single.boardId);
      const error = classifyError(
        await failureOf(single.connector.publish!(single.credentials, withoutBoard())),
        'publish',
      );
      expect(error.kind).toBe('invalid-content');
      expect(error.message).toContain('Create a board');
    } finally {
      await single.close();
    }
  });

  it('a section of the board is kept; a boardId that is not numeric is refused before any call', async () => {
    const board = p.setup.boards[0]!;
    board.sections.push({ id: '777', name: 'Spring' });
    const result = await p.connector.publish!(
      p.credentials,
      pinInput(board.id, { settings: { boardSectionId: '777' } }),
    );
    expect(p.setup.fake.state.pins.get(result.remoteId)?.boardSectionId).toBe('777');
    const issues = await p.connector.validate(pinInput('my-board').post);
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'invalid-setting', path: ['settings', 'boardId'] }),
    );
  });
});

describe('findPublished on the board (network-apis.md 9.6)', () => {
  let p: ConnectedPinterest;
  beforeAll(async () => {
    // These tests create well over 100 pins a second on an idle machine; the per-second limit has its own test.
    p = await connectedPinterest({ rateLimits: { perSecond: 100_000 } });
  });
  afterAll(() => p.close());

  it('finds the pin by title, description, link and alt text, past a page of newer pins', async () => {
    const started = new Date();
    const input = pinInput(p.boardId, {
      text: 'Spring salad',
      link: { url: 'https://example.com/salad' },
      settings: { title: 'Salad' },
      media: [{ ...sampleMedia('image', 'image/png'), altText: 'A bowl' }],
    });
    const published = await p.connector.publish!(p.credentials, input);
    for (let index = 0; index < 105; index += 1) {
      await p.connector.publish!(p.credentials, pinInput(p.boardId, { text: `Newer ${index}` }));
    }
    const found = await p.connector.findPublished!(p.credentials, { ...input, window: windowFrom(started) });
    expect(found).toMatchObject({ status: 'found', remoteId: published.remoteId, url: published.url });
    const otherLink = await p.connector.findPublished!(p.credentials, {
      ...input,
      post: { ...input.post, link: { url: 'https://example.com/soup' } },
      window: windowFrom(started),
    });
    expect(otherLink.status).toBe('not-found');
  });

  it('a pin outside the window is not this attempt', async () => {
    const input = pinInput(p.boardId, { text: 'Old pin' });
    await p.connector.publish!(p.credentials, input);
    const later = new Date(Date.now() + 10 * 60_000);
    const found = await p.connector.findPublished!(p.credentials, {
      ...input,
      window: { from: later.toISOString(), to: new Date(later.getTime() + 1000).toISOString() },
    });
    expect(found.status).toBe('not-found');
  });

  it('a pin without any text cannot be told apart: a person looks', async () => {
    const started = new Date();
    const input = pinInput(p.boardId, { text: '' });
    await p.connector.publish!(p.credentials, input);
    const found = await p.connector.findPublished!(p.credentials, { ...input, window: windowFrom(started) });
    expect(found.status).toBe('unknown');
  });

  it('an attempt older than the 7 days it promises to look back is unknown', async () => {
    const later: Clock = { now: () => new Date(Date.now() + 8 * 86_400_000), sleep: () => Promise.resolve() };
    const connector = await p.connectorWith({}, later);
    const found = await connector.findPublished!(p.credentials, {
      ...pinInput(p.boardId),
      window: windowFrom(new Date()),
    });
    expect(found.status).toBe('unknown');
  });

  it('one old pin ending a page does not end the search: the board is not ordered by creation time', async () => {
    const started = new Date();
    const input = pinInput(p.boardId, { text: 'Behind a moved pin' });
    const published = await p.connector.publish!(p.credentials, input);
    // Newest first: 99 new pins, then an old pin moved onto the board, end the first page of 100.
    pinOnBoard(p, 'Moved here from another board', new Date(Date.now() - 3 * 86_400_000));
    for (let index = 0; index < 99; index += 1) {
      pinOnBoard(p, `Saved later ${index}`);
    }
    const found = await p.connector.findPublished!(p.credentials, { ...input, window: windowFrom(started) });
    expect(found).toMatchObject({ status: 'found', remoteId: published.remoteId });
  });

  it('more pages in the window than it reads is unknown, never not-found', async () => {
    const started = new Date();
    const crowded = await connectedPinterest();
    try {
      for (let index = 0; index < 1001; index += 1) {
        pinOnBoard(crowded, `Busy board ${index}`);
      }
      const found = await crowded.connector.findPublished!(crowded.credentials, {
        ...pinInput(crowded.boardId, { text: 'Not among them' }),
        window: windowFrom(started),
      });
      expect(found).toMatchObject({
        status: 'unknown',
        reason: expect.stringContaining('1000 pins') as string,
      });
    } finally {
      await crowded.close();
    }
  });

  it('a matching pin without a creation time is unknown: it may be an older one', async () => {
    const started = new Date();
    const input = pinInput(p.boardId, { text: 'Timeless words' });
    const published = await p.connector.publish!(p.credentials, input);
    const record = p.setup.fake.state.pins.get(published.remoteId) as { createdAt?: string };
    record.createdAt = undefined;
    const found = await p.connector.findPublished!(p.credentials, { ...input, window: windowFrom(started) });
    expect(found.status).toBe('unknown');
  });

  it('a pin that does not report its alt text (null) still matches on its other fields', async () => {
    const started = new Date();
    const input = pinInput(p.boardId, {
      text: 'Described elsewhere',
      media: [{ ...sampleMedia('image', 'image/png'), altText: 'A described image' }],
    });
    const published = await p.connector.publish!(p.credentials, input);
    p.setup.fake.state.pins.get(published.remoteId)!.altText = null;
    const found = await p.connector.findPublished!(p.credentials, { ...input, window: windowFrom(started) });
    expect(found).toMatchObject({ status: 'found', remoteId: published.remoteId });
  });

  it('a link Pinterest writes differently (host case, trailing slash) still matches', async () => {
    const started = new Date();
    const input = pinInput(p.boardId, { text: 'Linked', link: { url: 'https://Shop.Example.com' } });
    const published = await p.connector.publish!(p.credentials, input);
    p.setup.fake.state.pins.get(published.remoteId)!.link = 'https://shop.example.com/';
    const found = await p.connector.findPublished!(p.credentials, { ...input, window: windowFrom(started) });
    expect(found).toMatchObject({ status: 'found', remoteId: published.remoteId });
  });

  it('a post that named no board, once the account has several, is unknown rather than an error', async () => {
    const single = await connectedPinterest();
    try {
      const [, recipes] = single.setup.boards;
      single.setup.fake.state.boards.delete(recipes!.id);
      const started = new Date();
      const input = pinInput('');
      const noBoard = { ...input, post: { ...input.post, settings: {} } };
      await single.connector.publish!(single.credentials, noBoard);
      single.setup.fake.state.createBoard(single.setup.account, 'Added since');
      const found = await single.connector.findPublished!(single.credentials, {
        ...noBoard,
        window: windowFrom(started),
      });
      expect(found.status).toBe('unknown');
    } finally {
      await single.close();
    }
  });
});
