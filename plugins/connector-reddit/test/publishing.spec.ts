import { afterEach, describe, expect, it } from 'vitest';
import {
  classifyError,
  createLogger,
  type InvalidContentError,
  type LogRecord,
  type RateLimitedError,
} from '@chorus/connector-sdk';
import { connectedReddit, failure, rawCall, type ConnectedReddit } from './support/connected-reddit.js';

let current: ConnectedReddit | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});
const connected = async (...args: Parameters<typeof connectedReddit>) =>
  (current = await connectedReddit(...args));
const uploads = (reddit: ConnectedReddit) =>
  reddit.setup.fake.log.filter(
    (entry) => entry.path === '/api/media/asset.json' || entry.path === '/api/submit',
  );
const issuesOf = (error: unknown) =>
  (error as InvalidContentError).issues.map((issue) => [issue.path.join('.'), issue.code]);

describe('a subreddit rules, read before any upload (network-apis.md 12.2)', () => {
  it('a required flair is refused with the flairs to choose from; an unknown one too; a listed one is sent', async () => {
    const reddit = await connected();
    const sub = reddit.setup.fake.createSubreddit('flaired', {
      requirements: { is_flair_required: true },
      flairs: [
        { id: 'f-news', text: 'News', text_editable: false },
        { id: 'f-free', text: 'Other', text_editable: true },
      ],
    });
    const missing = await failure(reddit.publish({ text: 'No flair' }, { subreddit: sub.name }));
    expect(classifyError(missing, 'publish').kind).toBe('invalid-content');
    expect(issuesOf(missing)).toEqual([['settings.flairId', 'reddit:SUBMIT_VALIDATION_FLAIR_REQUIRED']]);
    expect((missing as Error).message).toContain('News = f-news');
    const unknown = await failure(
      reddit.publish({ text: 'Bad flair' }, { subreddit: sub.name, flairId: 'f-nope' }),
    );
    expect(issuesOf(unknown)).toEqual([['settings.flairId', 'reddit:flair-unknown']]);
    const fixedText = await failure(
      reddit.publish({ text: 'Bad text' }, { subreddit: sub.name, flairId: 'f-news', flairText: 'Mine' }),
    );
    expect(issuesOf(fixedText)).toEqual([['settings.flairText', 'reddit:flair-not-editable']]);
    expect(uploads(reddit)).toEqual([]);
    const done = await reddit.publish(
      { text: 'Flaired' },
      { subreddit: sub.name, flairId: 'f-free', flairText: 'Mine' },
    );
    expect(reddit.setup.fake.state.posts.get(done.remoteId)?.flair).toMatchObject({
      id: 'f-free',
      shownText: 'Mine',
    });
  });

  it('post requirements (title pattern, banned words, body policy, domains) and the allowed kinds', async () => {
    const reddit = await connected();
    const { fake } = reddit.setup;
    fake.createSubreddit('strict', {
      requirements: {
        title_regexes: ['^\\[[A-Z]+\\] '],
        title_blacklisted_strings: ['free'],
        body_restriction_policy: 'required',
        domain_blacklist: ['spam.example'],
      },
    });
    const error = await failure(reddit.publish({ text: '' }, { subreddit: 'strict', title: 'Get it free' }));
    expect(issuesOf(error)).toEqual([
      ['settings.title', 'reddit:title-pattern'],
      ['settings.title', 'reddit:title-banned-string'],
      ['text', 'reddit:body-required'],
    ]);
    const domain = await failure(
      reddit.publish(
        { text: '', link: { url: 'https://www.spam.example/offer' } },
        { subreddit: 'strict', title: '[AD] offer' },
      ),
    );
    expect(issuesOf(domain)).toEqual([['link.url', 'reddit:domain-banned']]);
    fake.createSubreddit('linksonly', { submissionType: 'link' });
    const selfPost = await failure(reddit.publish({ text: 'Words' }, { subreddit: 'linksonly' }));
    expect(issuesOf(selfPost)).toEqual([['text', 'reddit:NO_SELFS']]);
    expect(uploads(reddit)).toEqual([]);
  });

  it('a private subreddit and a missing one are refused on the subreddit setting, not as a lost connection', async () => {
    const reddit = await connected();
    reddit.setup.fake.createSubreddit('hidden', { closed: true });
    const closed = await failure(reddit.publish({ text: 'Hi' }, { subreddit: 'hidden' }));
    expect(classifyError(closed, 'publish').kind).toBe('invalid-content');
    expect(issuesOf(closed)).toEqual([['settings.subreddit', 'reddit:forbidden']]);
    const missing = await failure(reddit.publish({ text: 'Hi' }, { subreddit: 'nowhere_at_all' }));
    expect(issuesOf(missing)).toEqual([['settings.subreddit', 'reddit:not-found']]);
  });

  it('without a subreddit the post goes to the account profile (u_<username>)', async () => {
    const reddit = await connected();
    const result = await reddit.publish({ text: 'On my profile', settings: { subreddit: undefined } });
    expect(reddit.setup.fake.state.posts.get(result.remoteId)?.sr).toBe('u_chorusbrand');
    expect(result.url).toMatch(/^https:\/\/www\.reddit\.com\/r\/u_chorusbrand\/comments\//u);
  });

  it('the title is required and counted in code points', async () => {
    const reddit = await connected();
    const noTitle = await reddit.connector.validate({ text: 'x', settings: { subreddit: 'chorus_test' } });
    expect(noTitle).toContainEqual(
      expect.objectContaining({ path: ['settings', 'title'], code: 'reddit:title-required' }),
    );
    const emoji = '😀'.repeat(300);
    expect(await reddit.connector.validate({ text: '', settings: { title: emoji } })).toEqual([]);
    expect(await reddit.connector.validate({ text: '', settings: { title: `${emoji}a` } })).toContainEqual(
      expect.objectContaining({ code: 'text-too-long', limit: 300, actual: 301 }),
    );
  });
});

describe('link posts and Reddit duplicate protection (resubmit=false, ALREADY_SUB)', () => {
  const link = { text: '', link: { url: 'https://example.com/story' } };

  it('a second publish of the same link and title takes the earlier post: one post on Reddit', async () => {
    const reddit = await connected();
    const first = await reddit.publish(link, { title: 'A story' });
    const second = await reddit.publish(link, { title: 'A story' });
    expect(second.remoteId).toBe(first.remoteId);
    expect(reddit.setup.fake.published().filter((post) => post.url === link.link.url)).toHaveLength(1);
  });

  it('the same link under another title, or posted by someone else, is refused with how to post it anyway', async () => {
    const reddit = await connected();
    await reddit.publish(link, { title: 'A story' });
    const mine = await failure(reddit.publish(link, { title: 'Another take' }));
    expect(classifyError(mine, 'publish').kind).toBe('invalid-content');
    expect((mine as Error).message).toMatch(/this account posted it on .*Allow resubmit/u);
    const peerLink = { text: '', link: { url: 'https://example.com/peer' } };
    await reddit.setup.peer.call('POST', '/api/submit', {
      sr: reddit.setup.subreddit,
      kind: 'link',
      title: 'Theirs',
      url: peerLink.link.url,
      api_type: 'json',
    });
    const theirs = await failure(reddit.publish(peerLink, { title: 'Theirs' }));
    expect((theirs as Error).message).toContain('someone already posted it there');
    const anyway = await reddit.publish(peerLink, { title: 'Theirs', allowResubmit: true });
    expect(anyway.remoteId).toMatch(/^t3_/u);
  });

  it('the text of a link post is published as the author first comment', async () => {
    const reddit = await connected();
    const result = await reddit.publish({ text: 'Why it matters', link: { url: 'https://example.com/why' } });
    const comment = reddit.setup.fake.state.comments.get(result.firstComment!.remoteId)!;
    expect(comment).toMatchObject({
      body: 'Why it matters',
      parentName: result.remoteId,
      author: 'chorusbrand',
    });
    const both = await reddit.connector.validate({
      text: 'Body',
      link: { url: 'https://example.com/x' },
      firstComment: { text: 'Also' },
      settings: { title: 't' },
    });
    expect(both).toContainEqual(expect.objectContaining({ code: 'reddit:text-and-first-comment' }));
  });

  it('a 429 on the submit is rate-limited and never read as a duplicate: the retry posts once', async () => {
    const reddit = await connected();
    reddit.setup.fake.injectFault({ kind: 'rate-limited', retryAfterSeconds: 42 });
    const error = classifyError(await failure(reddit.publish(link, { title: 'Throttled story' })), 'publish');
    expect(error.kind).toBe('rate-limited');
    // The wait is Reddit's X-Ratelimit-Reset, not a default.
    expect((error as RateLimitedError).retryAfter).toBe(42);
    expect(reddit.setup.fake.published()).toHaveLength(0);
    await reddit.publish(link, { title: 'Throttled story' });
    expect(reddit.setup.fake.published()).toHaveLength(1);
  });
});

describe('after publishing', () => {
  it('a post removed by the spam filter right away is published, with a warning a person reads', async () => {
    const records: LogRecord[] = [];
    const reddit = await connected({}, {}, createLogger({ sink: (record) => records.push(record) }));
    reddit.setup.fake.injectFault({
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      applied: false,
      match: { method: 'GET', path: /^\/api\/info$/u },
      body: JSON.stringify({
        kind: 'Listing',
        data: {
          after: null,
          before: null,
          children: [
            {
              kind: 't3',
              data: {
                id: 'zz',
                name: 't3_zz',
                title: 't',
                subreddit: 'chorus_test',
                author: 'chorusbrand',
                created_utc: 1,
                permalink: '/r/chorus_test/comments/zz/t/',
                removed_by_category: 'reddit',
              },
            },
          ],
        },
      }),
    });
    await reddit.publish({ text: 'Spammy?' });
    expect(
      records.some((record) => record.level === 'warn' && /removed the post/u.test(record.message)),
    ).toBe(true);
  });

  it('hiding a comment where the account is no moderator is refused as content, not as a lost connection', async () => {
    const reddit = await connected();
    const theirs = await reddit.setup.peer.submit('Peer post', 'text');
    reddit.setup.account.moderates.delete('chorus_test');
    const comment = await reddit.setup.peer.reply(theirs, 'Hello');
    const error = await failure(
      reddit.connector.inbox!.hide!(reddit.credentials, { remoteId: comment.remoteId, hidden: true }),
    );
    expect(classifyError(error, 'inbox.hide').kind).toBe('invalid-content');
    expect((error as Error).message).toContain('Only a moderator');
  });

  it('deleting twice is harmless; insights leave out deleted posts and never read the vote field as likes', async () => {
    const reddit = await connected();
    const kept = await reddit.publish({ text: 'Kept' });
    const gone = await reddit.publish({ text: 'Gone' });
    await reddit.connector.delete!(reddit.credentials, { remoteId: gone.remoteId });
    await reddit.connector.delete!(reddit.credentials, { remoteId: gone.remoteId });
    const metrics = await reddit.connector.insights!.post!(reddit.credentials, {
      remoteIds: [kept.remoteId, gone.remoteId],
    });
    expect(metrics.map((item) => item.remoteId)).toEqual([kept.remoteId]);
    // The author's own upvote counts once; `likes: true` (their vote) is not a count; view_count null is left out.
    expect(metrics[0]?.metrics).toEqual({ likes: 1, comments: 0, shares: 0 });
    reddit.setup.fake.state.posts.get(kept.remoteId)!.viewCount = 57;
    const withViews = await reddit.connector.insights!.post!(reddit.credentials, {
      remoteIds: [kept.remoteId],
    });
    expect(withViews[0]?.metrics.views).toBe(57);
    const info = await rawCall(`${reddit.setup.fake.url}/api/info?id=${kept.remoteId}`, {
      token: reddit.credentials.accessToken,
    });
    expect(JSON.stringify(info.json)).toContain('"likes":true');
  });
});
