import { afterEach, describe, expect, it } from 'vitest';
import { classifyError, type InvalidContentError } from '@chorus/connector-sdk';
import { samplePhoto, sampleVideo } from '../src/testing/index.js';
import { connectedTikTok, errorOf, rawCall, type ConnectedTikTok } from './support/connected-tiktok.js';

const inits = (t: ConnectedTikTok) => t.setup.fake.log.filter((entry) => entry.path.endsWith('/init/'));

// network-apis.md 7.8, bullet 2.
describe('fixture note "creator_info with per-user privacy_level_options; reject mismatched privacy; unaudited app → force SELF_ONLY and reject public accounts"', () => {
  let t: ConnectedTikTok | undefined;
  afterEach(() => t?.close());

  it('creator_info answers each user their own privacy options, disabled settings and longest video', async () => {
    t = await connectedTikTok();
    t.setup.account.privacyLevelOptions = ['FOLLOWER_OF_CREATOR', 'SELF_ONLY'];
    t.setup.account.maxVideoPostDurationSec = 180;
    const answer = await rawCall(`${t.setup.fake.url}/v2/post/publish/creator_info/query/`, {
      token: t.credentials.accessToken,
      json: {},
    });
    expect(answer.json.data).toMatchObject({
      creator_username: 'chorusbrand',
      privacy_level_options: ['FOLLOWER_OF_CREATOR', 'SELF_ONLY'],
      max_video_post_duration_sec: 180,
      comment_disabled: false,
    });
    const limits = await t.connector.limits(t.credentials);
    expect(limits.media?.video?.maxDurationSeconds).toBe(180);
  });

  it('a privacy level outside the creator options is refused before any init, naming the options', async () => {
    t = await connectedTikTok();
    t.setup.account.privacyLevelOptions = ['FOLLOWER_OF_CREATOR', 'SELF_ONLY'];
    const error = await t.publishError({ text: 'Hi', media: [samplePhoto()] });
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    expect((error as InvalidContentError).issues[0]).toMatchObject({
      path: ['settings', 'privacyLevel'],
      code: 'tiktok:privacy_level_option_mismatch',
    });
    expect((error as Error).message).toContain('FOLLOWER_OF_CREATOR, SELF_ONLY');
    expect(inits(t)).toHaveLength(0);
  });

  it('the fake itself refuses a mismatched privacy_level with 400 privacy_level_option_mismatch', async () => {
    t = await connectedTikTok();
    const answer = await rawCall(`${t.setup.fake.url}/v2/post/publish/video/init/`, {
      token: t.credentials.accessToken,
      json: {
        post_info: { title: 'x', privacy_level: 'FOLLOWER_OF_CREATOR' },
        source_info: { source: 'PULL_FROM_URL', video_url: 'https://media.chorus.test/clip.mp4' },
      },
    });
    expect([answer.status, errorOf(answer.json).code]).toEqual([400, 'privacy_level_option_mismatch']);
  });

  it('settings the creator turned off stay off, and a video longer than the creator may post is refused before upload', async () => {
    t = await connectedTikTok();
    t.setup.account.commentDisabled = true;
    t.setup.account.duetDisabled = true;
    const result = await t.publish({ text: 'No comments', media: [sampleVideo()] });
    const post = t.setup.fake.state.posts.get(result.remoteId)!;
    expect(post.settings).toMatchObject({ disable_comment: true, disable_duet: true, disable_stitch: false });
    t.setup.account.maxVideoPostDurationSec = 10;
    const before = inits(t).length;
    const error = await t.publishError({ text: 'Too long', media: [sampleVideo()] });
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    expect((error as Error).message).toContain('up to 10 s');
    expect(inits(t)).toHaveLength(before);
  });

  it('an unaudited app posting to a public account is refused with unaudited_client_can_only_post_to_private_accounts', async () => {
    t = await connectedTikTok({ audited: false });
    const error = await t.publishError({ text: 'Public?', media: [samplePhoto()] });
    const classified = classifyError(error, 'publish');
    expect(classified.kind).toBe('invalid-content');
    expect(classified.message).toContain('unaudited_client_can_only_post_to_private_accounts');
    expect(classified.message).toContain('Make the account private or have the app audited');
    expect(t.setup.fake.published()).toHaveLength(0);
  });

  it('an unaudited app posting to a private account is forced to SELF_ONLY; the post is found through the video list', async () => {
    t = await connectedTikTok({ audited: false });
    t.setup.account.privateAccount = true;
    const result = await t.publish({ text: 'Private by force', media: [samplePhoto()] });
    const post = t.setup.fake.state.posts.get(result.remoteId)!;
    expect(post.privacyLevel).toBe('SELF_ONLY');
    // A private post has no public id in the status; the connector found it among the account's videos.
    expect(result.url).toContain(`/video/${post.id}`);
    expect(await t.setup.peer.view(result.remoteId)).toBeNull();
  });
});
