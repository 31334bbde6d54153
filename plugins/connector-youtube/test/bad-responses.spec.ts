import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError, type ConnectorOperation } from '@chorus/connector-sdk';
import type { YoutubeFakeFault } from '../src/testing/index.js';
import { connectedYoutube, failure, type ConnectedYoutube } from './support/connected-youtube.js';

const HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>GFE</body></html>';

// Bad input: every malformed answer becomes a classified error a person can act on, never a crash or a success.
describe('YouTube answers that cannot be read', () => {
  let yt: ConnectedYoutube;
  beforeAll(async () => {
    yt = await connectedYoutube();
  });
  afterAll(() => yt.close());

  const publishWith = async (fault: YoutubeFakeFault) => {
    yt.setup.fake.injectFault(fault);
    const input = yt.input('Bad answer');
    const before = yt.setup.fake.published().length;
    const started = new Date(Date.now() - 1000).toISOString();
    const error = classifyError(await failure(yt.connector.publish!(yt.credentials, input)), 'publish');
    const window = { from: started, to: new Date(Date.now() + 1000).toISOString() };
    return { error, input, window, applied: yt.setup.fake.published().length - before };
  };

  const readWith = async (
    fault: YoutubeFakeFault,
    operation: ConnectorOperation,
    read: () => Promise<unknown>,
  ) => {
    yt.setup.fake.injectFault(fault);
    return classifyError(await failure(read()), operation);
  };

  it('an HTML error page when the upload starts is ambiguous and says what came back', async () => {
    const { error, applied } = await publishWith({
      kind: 'raw',
      status: 502,
      contentType: 'text/html',
      body: HTML,
      applied: false,
    });
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toContain('HTML page ("502 Bad Gateway")');
    expect(applied).toBe(0);
  });

  it('a start without a Location header is ambiguous, with nothing uploaded', async () => {
    const { error, applied } = await publishWith({
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      body: '{}',
      applied: false,
    });
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toContain('no Location header');
    expect(applied).toBe(0);
  });

  it('an HTML page with 200 after the last chunk was applied is ambiguous, and findPublished then finds the video', async () => {
    const { error, input, window, applied } = await publishWith({
      kind: 'raw',
      status: 200,
      contentType: 'text/html',
      body: HTML,
      applied: true,
      target: 'final-chunk',
    });
    expect(applied).toBe(1);
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toMatch(/reconciled before any retry/u);
    expect(await yt.connector.findPublished!(yt.credentials, { ...input, window })).toMatchObject({
      status: 'found',
    });
  });

  it('a truncated answer to the last chunk is ambiguous, and findPublished then finds the video', async () => {
    const { error, input, window, applied } = await publishWith({
      kind: 'truncated',
      applied: true,
      target: 'final-chunk',
    });
    expect(applied).toBe(1);
    expect(error.kind).toBe('ambiguous');
    expect(await yt.connector.findPublished!(yt.credentials, { ...input, window })).toMatchObject({
      status: 'found',
    });
  });

  it('JSON of the wrong shape for a read is retriable and names the missing fields', async () => {
    const error = await readWith(
      {
        kind: 'raw',
        status: 200,
        contentType: 'application/json',
        body: '{"items":[{"kind":"youtube#video"}]}',
        applied: false,
        target: { method: 'GET', path: /\/videos$/u },
      },
      'insights.post',
      () => yt.connector.insights!.post!(yt.credentials, { remoteIds: ['abc'] }),
    );
    expect(error.kind).toBe('retriable');
    expect(error.message).toContain('items.0.id');
  });

  it('counters that are not digit strings are refused, not read as numbers', async () => {
    const body = '{"items":[{"id":"abc","statistics":{"viewCount":"12k"}}]}';
    const error = await readWith(
      {
        kind: 'raw',
        status: 200,
        contentType: 'application/json',
        body,
        applied: false,
        target: { method: 'GET', path: /\/videos$/u },
      },
      'insights.post',
      () => yt.connector.insights!.post!(yt.credentials, { remoteIds: ['abc'] }),
    );
    expect(error.kind).toBe('retriable');
    expect(error.message).toContain('statistics.viewCount');
  });

  it('an HTML 500 page while pulling the inbox is retriable', async () => {
    const error = await readWith(
      {
        kind: 'raw',
        status: 500,
        contentType: 'text/html',
        body: HTML,
        applied: false,
        target: { method: 'GET', path: /commentThreads$/u },
      },
      'inbox.pull',
      () => yt.connector.inbox!.pull!(yt.credentials, { cursor: null }),
    );
    expect(error.kind).toBe('retriable');
    expect(error.message).toContain('HTML page');
  });

  it('an empty body where the channel should be is retriable for verify', async () => {
    const error = await readWith(
      {
        kind: 'raw',
        status: 200,
        contentType: 'application/json',
        body: '',
        applied: false,
        target: { method: 'GET', path: /\/channels$/u },
      },
      'auth.verify',
      () => yt.connector.auth.verify(yt.credentials),
    );
    expect(error.kind).toBe('retriable');
    expect(error.message).toContain('an empty body');
  });

  it('a token answer that is not JSON is ambiguous for the code exchange (the code may be spent)', async () => {
    yt.setup.fake.injectFault({
      kind: 'raw',
      status: 200,
      contentType: 'text/html',
      body: HTML,
      applied: false,
      target: { method: 'POST', path: /^\/token$/u },
    });
    const error = classifyError(await failure(yt.connect()), 'auth.exchange');
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toContain('HTML page');
  });

  it("a processing rejection is invalid content that names YouTube's reason", async () => {
    yt.setup.fake.failNextProcessing('rejected', 'duplicate');
    const error = classifyError(
      await failure(yt.connector.publish!(yt.credentials, yt.input('Again'))),
      'publish',
    );
    expect(error.kind).toBe('invalid-content');
    expect(error.message).toContain('rejected');
    expect(error.message).toContain('duplicate');
  });
});
