import { afterEach, describe, expect, it } from 'vitest';
import type { PostInput } from '@chorus/connector-sdk';
import {
  clip,
  connectedInstagram,
  failure,
  photo,
  type ConnectedInstagram,
} from './support/connected-instagram.js';

// network-apis.md 3.6: nothing may make Chorus publish a post twice, nor claim another post as its own.
let connected: ConnectedInstagram | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const window = () => ({
  from: new Date(Date.now() - 60_000).toISOString(),
  to: new Date(Date.now() + 60_000).toISOString(),
});

const publish = (post: PostInput, key = post.text || 'captionless') =>
  connected!.connector.publish!(connected!.credentials, { idempotencyKey: key, fingerprint: key, post });
const find = (post: PostInput, key = post.text || 'captionless') =>
  connected!.connector.findPublished!(connected!.credentials, {
    idempotencyKey: key,
    fingerprint: key,
    post,
    window: window(),
  });

describe('Instagram: no duplicate posts', () => {
  it('stories: a later story refused after the first is live is ambiguous and names the live story', async () => {
    connected = await connectedInstagram();
    connected.setup.fake.host('https://media.chorus.test/clip.avi', {
      type: 'video/x-msvideo',
      sizeBytes: 1000,
      width: 1080,
      height: 1920,
      durationSeconds: 10,
    });
    const error = await failure(
      publish({
        text: 'stories',
        media: [photo(), clip('https://media.chorus.test/clip.avi')],
        settings: { placement: 'story' },
      }),
    );
    const [live] = connected.setup.fake.published();
    expect(connected.setup.fake.published()).toHaveLength(1);
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toContain(`story 1 (${live!.id})`);
    expect(error.message).toContain('story 2 of 2 failed');
  });

  it('stories: a throttle between two stories is ambiguous, not rate-limited (a retry would repeat story 1)', async () => {
    connected = await connectedInstagram({ usage: { callsPerHour: 6 } });
    const error = await failure(
      publish({ text: 's', media: [photo(), photo()], settings: { placement: 'story' } }),
    );
    expect(connected.setup.fake.published()).toHaveLength(1);
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toMatch(/published story 1 \(\d+\), then story 2 of 2 failed/u);
  });

  it('stories: a failure on the first story is still classified as it was (nothing is live)', async () => {
    connected = await connectedInstagram();
    connected.setup.fake.host('https://media.chorus.test/clip.avi', {
      type: 'video/x-msvideo',
      sizeBytes: 1000,
      width: 1080,
      height: 1920,
      durationSeconds: 10,
    });
    const error = await failure(
      publish({
        text: 'stories',
        media: [clip('https://media.chorus.test/clip.avi'), photo()],
        settings: { placement: 'story' },
      }),
    );
    expect(error.kind).toBe('invalid-content');
    expect(connected.setup.fake.published()).toHaveLength(0);
  });

  it('findPublished: a captionless photo never claims another captionless photo in the window', async () => {
    connected = await connectedInstagram();
    const other = await publish({ text: '', media: [photo()] }, 'someone-else');
    const mine: PostInput = { text: '', media: [photo()] };
    const found = await find(mine);
    expect(found.status).toBe('unknown');
    expect(found).not.toMatchObject({ remoteId: other.remoteId });
  });

  it('findPublished: a captionless carousel is not a captionless single photo; a captioned post still matches', async () => {
    connected = await connectedInstagram();
    await publish({ text: '', media: [photo()] }, 'single');
    expect((await find({ text: '', media: [photo(), photo()] })).status).toBe('not-found');
    const captioned = await publish({ text: 'Hello there', media: [photo()] });
    expect(await find({ text: 'Hello  there', media: [photo()] })).toMatchObject({
      status: 'found',
      remoteId: captioned.remoteId,
    });
    // The same caption on other media is not claimed (nor taken as absent).
    expect((await find({ text: 'Hello there', media: [photo(), photo()] })).status).toBe('unknown');
  });

  it('a transient error with a publishing subcode on media_publish is ambiguous; on container creation it stays retriable', async () => {
    connected = await connectedInstagram();
    const id = connected.credentials.accountId;
    const transient = {
      code: 2,
      subcode: 2207001,
      message: 'An unexpected error has occurred. Please retry.',
    };
    connected.setup.fake.injectFault({
      kind: 'graph-error',
      error: transient,
      match: { method: 'POST', path: `/${id}/media_publish` },
    });
    expect((await failure(publish({ text: 'publish step', media: [photo()] }))).kind).toBe('ambiguous');
    connected.setup.fake.injectFault({
      kind: 'graph-error',
      error: transient,
      match: { method: 'POST', path: `/${id}/media` },
    });
    expect((await failure(publish({ text: 'container step', media: [photo()] }))).kind).toBe('retriable');
  });

  it('a real HTTP 429 without a throttle code: rate-limited for Retry-After on container creation, ambiguous on media_publish', async () => {
    connected = await connectedInstagram();
    const id = connected.credentials.accountId;
    connected.setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 0, message: 'Too Many Requests', status: 429 },
      headers: { 'retry-after': '90' },
      match: { method: 'POST', path: `/${id}/media` },
    });
    const container = await failure(publish({ text: 'container', media: [photo()] }));
    expect(container.kind).toBe('rate-limited');
    expect(container.retryAfter).toBe(90);
    connected.setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 0, message: 'Too Many Requests', status: 429 },
      match: { method: 'POST', path: `/${id}/media_publish` },
    });
    expect((await failure(publish({ text: 'publish', media: [photo()] }))).kind).toBe('ambiguous');
  });
});
