import { afterEach, describe, expect, it } from 'vitest';
import { classifyError, createLogger, type LogRecord } from '@chorus/connector-sdk';
import { connectedYoutube, failure, type ConnectedYoutube } from './support/connected-youtube.js';

const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

describe('YouTube privacy lock and scheduling (fixture notes 8.7)', () => {
  let yt: ConnectedYoutube;
  afterEach(() => yt.close());

  it('private-lock for "unaudited project": a public upload becomes private, and the connector logs it', async () => {
    const records: LogRecord[] = [];
    const logger = createLogger({ sink: (record) => records.push(record) });
    // The configuration wrongly says the project is audited; YouTube still locks the upload.
    yt = await connectedYoutube({ projectAudited: false }, { projectAudited: true }, logger);
    await yt.connector.publish!(yt.credentials, yt.input('Meant to be public'));
    expect(yt.setup.fake.published()[0]).toMatchObject({
      privacyStatus: 'private',
      requestedPrivacy: 'public',
    });
    expect(records).toContainEqual(
      expect.objectContaining({ message: 'youtube.privacy-locked', requested: 'public', actual: 'private' }),
    );
  });

  it('private-lock for "unaudited project": configured as unaudited, a public video is refused before upload', async () => {
    yt = await connectedYoutube({ projectAudited: false }, { projectAudited: false });
    const input = yt.input('Public from an unaudited project');
    const error = await failure(yt.connector.publish!(yt.credentials, input));
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    expect(await yt.connector.validate(input.post)).toContainEqual(
      expect.objectContaining({ path: ['settings', 'privacyStatus'], code: 'youtube:project-not-audited' }),
    );
    expect(yt.setup.fake.log.some((entry) => entry.path.startsWith('/upload'))).toBe(false);
    const result = await yt.connector.publish!(
      yt.credentials,
      yt.input('Private is fine', { settings: { title: 'Private', privacyStatus: 'private' } }),
    );
    expect(result.remoteId).toBe(yt.setup.fake.published()[0]!.id);
  });

  it('publishAt only with private: refused with any other privacy, before upload and by the fake', async () => {
    yt = await connectedYoutube();
    const input = yt.input('Scheduled', {
      settings: { title: 'Later', privacyStatus: 'public', publishAt: future() },
    });
    expect(await yt.connector.validate(input.post)).toContainEqual(
      expect.objectContaining({ path: ['settings', 'publishAt'], code: 'youtube:publish-at-needs-private' }),
    );
    const raw = await fetch(
      `${yt.setup.fake.url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${yt.credentials.accessToken}`,
          'content-type': 'application/json',
          'x-upload-content-length': '1000',
          'x-upload-content-type': 'video/mp4',
        },
        body: JSON.stringify({
          snippet: { title: 'Later' },
          status: { privacyStatus: 'public', publishAt: future() },
        }),
      },
    );
    expect(raw.status).toBe(400);
    expect(JSON.stringify(await raw.json())).toContain('"reason":"invalidPublishAt"');
  });

  it('publishAt with private schedules the release', async () => {
    yt = await connectedYoutube();
    const at = future();
    await yt.connector.publish!(
      yt.credentials,
      yt.input('Scheduled right', { settings: { title: 'Later', privacyStatus: 'private', publishAt: at } }),
    );
    expect(yt.setup.fake.published()[0]).toMatchObject({ privacyStatus: 'private', publishAt: at });
  });

  it('a publishAt in the past is refused before upload', async () => {
    yt = await connectedYoutube();
    const input = yt.input('Too late', {
      settings: { title: 'Past', privacyStatus: 'private', publishAt: '2020-01-01T00:00:00Z' },
    });
    expect(await yt.connector.validate(input.post)).toContainEqual(
      expect.objectContaining({ code: 'youtube:publish-at-past' }),
    );
  });
});
