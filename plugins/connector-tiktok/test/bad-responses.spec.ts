import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError, type ConnectorOperation } from '@chorus/connector-sdk';
import { samplePhoto, videoBytes, type TikTokFakeFault } from '../src/testing/index.js';
import { connectedTikTok, type ConnectedTikTok } from './support/connected-tiktok.js';

const HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';

// Issue #7, bad input: every malformed answer becomes a classified error a person can act on.
describe('TikTok answers that cannot be read', () => {
  let t: ConnectedTikTok;
  let n = 0;
  beforeAll(async () => {
    t = await connectedTikTok();
  });
  afterAll(() => t.close());

  const publishWith = async (fault: TikTokFakeFault, media = [samplePhoto()]) => {
    t.setup.fake.injectFault(fault);
    n += 1;
    const before = t.setup.fake.published().length;
    const error = await t.publishError({ text: `Bad answer ${n}`, media }, `bad${n}`);
    expect(error, 'publish must not succeed silently').toBeDefined();
    return { error: classifyError(error, 'publish'), applied: t.setup.fake.published().length - before };
  };

  it('an HTML error page at init is ambiguous (a URL pull may go ahead) and says what came back', async () => {
    const { error } = await publishWith({
      kind: 'raw',
      status: 502,
      contentType: 'text/html',
      body: HTML,
      applied: false,
    });
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toContain('HTML page ("502 Bad Gateway")');
  });

  it('an HTML 200 after the init was applied is ambiguous, and findPublished then finds the post', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const { error } = await publishWith({
      kind: 'raw',
      status: 200,
      contentType: 'text/html',
      body: HTML,
      applied: true,
    });
    expect(error.kind).toBe('ambiguous');
    // TikTok pulls and processes the photo by itself; the host reconciles after the visibility delay.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const found = await t.connector.findPublished!(t.credentials, {
      idempotencyKey: `bad${n}`,
      fingerprint: `bad${n}`,
      post: { text: `Bad answer ${n}`, media: [samplePhoto()] },
      window: { from: started, to: new Date(Date.now() + 1000).toISOString() },
    });
    expect(found.status).toBe('found');
  });

  it('JSON of the wrong shape, without error.code or without publish_id, is ambiguous at init', async () => {
    for (const body of [
      '[1,2]',
      'null',
      '{"data":{"publish_id":"p"}}',
      '{"data":{},"error":{"code":"ok","message":""}}',
      '{"data":{"publish_id":7},"error":{"code":"ok"}}',
    ]) {
      const { error } = await publishWith({
        kind: 'raw',
        status: 200,
        contentType: 'application/json',
        body,
        applied: false,
      });
      expect(error.kind, body).toBe('ambiguous');
      expect(error.message, body).toMatch(/unexpected shape|without the error.code|unreadable/u);
    }
  });

  it('a FILE_UPLOAD init without a readable answer is retriable: without the upload nothing is published', async () => {
    const { error, applied } = await publishWith({ kind: 'truncated', applied: true }, [videoBytes(2000)]);
    expect(error.kind).toBe('retriable');
    expect(error.message).toContain('FILE_UPLOAD');
    expect(applied).toBe(0);
  });

  it('an error status with an unreadable body is still classified by its status', async () => {
    const refused = await publishWith({
      kind: 'raw',
      status: 400,
      contentType: 'text/plain',
      body: 'Bad Request',
      applied: false,
    });
    expect(refused.error.kind).toBe('invalid-content');
    const limited = await publishWith({
      kind: 'raw',
      status: 429,
      contentType: 'text/html',
      body: HTML,
      applied: false,
    });
    expect(limited.error.kind).toBe('rate-limited');
    const token = await publishWith({
      kind: 'raw',
      status: 401,
      contentType: 'text/html',
      body: HTML,
      applied: false,
    });
    expect(token.error.kind).toBe('reauth-required');
  });

  it('a 200 whose envelope carries an error code is that error, not a success', async () => {
    const { error } = await publishWith({
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      body: '{"data":{},"error":{"code":"spam_risk_too_many_posts","message":"cap","log_id":"L1"}}',
      applied: false,
    });
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toContain('log_id L1');
  });

  it('a status that cannot be read is read again (status/fetch is a read), not the end of the publish', async () => {
    t.setup.fake.injectFault({
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      body: '{"data":{"status":"SOMETHING_NEW"},"error":{"code":"ok"}}',
      applied: false,
      match: { method: 'POST', path: /\/status\/fetch\/$/u },
    });
    const before = t.setup.fake.published().length;
    const result = await t.publish({ text: 'Read again', media: [samplePhoto()] }, 'read-again');
    expect(
      t.setup.fake
        .published()
        .slice(before)
        .map((post) => post.id),
    ).toEqual([result.remoteId]);
  });

  it('on reads, unreadable answers are retriable, never a silent empty result', async () => {
    const cases: [RegExp, ConnectorOperation, () => Promise<unknown>][] = [
      [/^\/v2\/user\/info\/$/u, 'auth.verify', () => t.connector.auth.verify(t.credentials)],
      [
        /^\/v2\/video\/query\/$/u,
        'insights.post',
        () => t.connector.insights!.post!(t.credentials, { remoteIds: ['7300000000000000001'] }),
      ],
      [/^\/v2\/user\/info\/$/u, 'insights.account', () => t.connector.insights!.account!(t.credentials)],
      [
        /^\/v2\/video\/list\/$/u,
        'findPublished',
        () =>
          t.connector.findPublished!(t.credentials, {
            idempotencyKey: 'never',
            fingerprint: 'never',
            post: { text: 'never', media: [samplePhoto()] },
            window: { from: new Date(Date.now() - 60_000).toISOString(), to: new Date().toISOString() },
          }),
      ],
    ];
    for (const [path, operation, run] of cases) {
      for (const fault of [
        { kind: 'raw', status: 200, contentType: 'text/html', body: HTML, applied: false },
        {
          kind: 'raw',
          status: 200,
          contentType: 'application/json',
          body: '{"data":{"videos":"no","user":5},"error":{"code":"ok"}}',
          applied: false,
        },
        { kind: 'truncated', applied: false },
        { kind: 'server-error' },
      ] as const) {
        t.setup.fake.injectFault({
          ...fault,
          match: {
            method: operation === 'auth.verify' || operation === 'insights.account' ? 'GET' : 'POST',
            path,
          },
        });
        const error = await run().then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error, `${operation} with ${fault.kind}`).toBeDefined();
        expect(classifyError(error, operation).kind, `${operation} with ${fault.kind}`).toBe('retriable');
      }
    }
  });

  it('a video list without the create_time asked for is retriable, never a not-found that invites a repost', async () => {
    t.setup.fake.injectFault({
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      body: '{"data":{"videos":[{"id":"7300000000000000009","video_description":"x"}],"cursor":0,"has_more":false},"error":{"code":"ok"}}',
      applied: false,
      match: { method: 'POST', path: /^\/v2\/video\/list\/$/u },
    });
    const error = await t.connector.findPublished!(t.credentials, {
      idempotencyKey: 'no-time',
      fingerprint: 'no-time',
      post: { text: 'x', media: [samplePhoto()] },
      window: { from: new Date(Date.now() - 60_000).toISOString(), to: new Date().toISOString() },
    }).then(
      () => undefined,
      (caught: unknown) => classifyError(caught, 'findPublished'),
    );
    expect(error?.kind).toBe('retriable');
    expect(error?.message).toContain('create_time');
  });
});
