import { classifyError, isConnectorError } from '@chorus/connector-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectedLinkedin,
  failure,
  uniqueText,
  type ConnectedLinkedin,
} from './support/connected-linkedin.js';

// Bad input (issue #6): every broken answer is a classified error a person can act on, never a crash or a
// silent success.
let current: ConnectedLinkedin | undefined;
afterEach(async () => {
  await current?.setup.teardown?.();
  current = undefined;
});
const POSTS = { method: 'POST', path: /^\/rest\/posts$/u } as const;
const ORG = { method: 'GET', path: /^\/rest\/organizations\/\d+$/u } as const;
const publish = (linkedin: ConnectedLinkedin) =>
  linkedin.connector.publish!(linkedin.credentials, {
    idempotencyKey: 'm',
    fingerprint: 'm',
    post: { text: uniqueText('Malformed') },
  });

describe('malformed LinkedIn answers', () => {
  it('an HTML error page on publish is ambiguous and says it was HTML', async () => {
    const linkedin = (current = await connectedLinkedin());
    linkedin.setup.fake.injectFault({
      kind: 'respond',
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>Bad Gateway</body></html>',
      match: POSTS,
    });
    const error = await failure(publish(linkedin));
    expect(classifyError(error, 'publish').kind).toBe('ambiguous');
    expect(error.message).toContain('HTML page');
  });

  it('an HTML error page on a read is retriable', async () => {
    const linkedin = (current = await connectedLinkedin());
    linkedin.setup.fake.injectFault({
      kind: 'respond',
      status: 503,
      body: '<!DOCTYPE html><title>Maintenance</title>',
      match: ORG,
    });
    const error = await failure(linkedin.connector.auth.verify(linkedin.credentials));
    expect(classifyError(error, 'auth.verify').kind).toBe('retriable');
  });

  it('a 201 without x-restli-id is ambiguous, never a success without an id', async () => {
    const linkedin = (current = await connectedLinkedin());
    linkedin.setup.fake.injectFault({ kind: 'respond', status: 201, body: '', match: POSTS });
    const error = await failure(publish(linkedin));
    expect(classifyError(error, 'publish').kind).toBe('ambiguous');
    expect(error.message).toContain('x-restli-id');
  });

  it('a truncated answer after the post was applied is ambiguous, and findPublished then finds the post', async () => {
    const linkedin = (current = await connectedLinkedin());
    const started = new Date(Date.now() - 1000).toISOString();
    linkedin.setup.fake.injectFault({
      kind: 'truncated-after-send',
      status: 201,
      body: '{"id":"urn:li:sh',
      match: POSTS,
    });
    const input = { idempotencyKey: 't', fingerprint: 't', post: { text: uniqueText('Cut off') } };
    const error = await failure(linkedin.connector.publish!(linkedin.credentials, input));
    expect(classifyError(error, 'publish').kind).toBe('ambiguous');
    const found = await linkedin.connector.findPublished!(linkedin.credentials, {
      ...input,
      window: { from: started, to: new Date(Date.now() + 1000).toISOString() },
    });
    expect(found.status).toBe('found');
    expect(linkedin.setup.fake.published()).toHaveLength(1);
  });

  it('wrong JSON and missing fields on a read are retriable errors naming what was missing', async () => {
    const linkedin = (current = await connectedLinkedin());
    linkedin.setup.fake.injectFault({ kind: 'respond', status: 200, body: '{"elements": [', match: ORG });
    const wrongJson = await failure(linkedin.connector.auth.verify(linkedin.credentials));
    expect(classifyError(wrongJson, 'auth.verify').kind).toBe('retriable');
    linkedin.setup.fake.injectFault({ kind: 'respond', status: 200, body: '{"vanityName":"x"}', match: ORG });
    const missing = await failure(linkedin.connector.auth.verify(linkedin.credentials));
    expect(classifyError(missing, 'auth.verify').kind).toBe('retriable');
    expect(missing.message).toContain('localizedName');
  });

  it('an error body without LinkedIn fields still classifies by status (403 reauth, 422 invalid content)', async () => {
    const linkedin = (current = await connectedLinkedin());
    linkedin.setup.fake.injectFault({ kind: 'respond', status: 403, body: 'Forbidden', match: POSTS });
    expect(classifyError(await failure(publish(linkedin)), 'publish').kind).toBe('reauth-required');
    linkedin.setup.fake.injectFault({ kind: 'respond', status: 422, body: '{}', match: POSTS });
    expect(classifyError(await failure(publish(linkedin)), 'publish').kind).toBe('invalid-content');
  });

  it('a 429 on publish is rate-limited and never adopted as a duplicate', async () => {
    const linkedin = (current = await connectedLinkedin());
    linkedin.setup.fake.injectFault({
      kind: 'respond',
      status: 429,
      body: '{"status":429,"message":"DUPLICATE_POST? no: throttled"}',
      match: POSTS,
    });
    const error = await failure(publish(linkedin));
    expect(classifyError(error, 'publish').kind).toBe('rate-limited');
    expect(linkedin.setup.fake.published()).toHaveLength(0);
  });

  it("a member post's social actions that are not JSON, or lack their fields, are retriable, not raw parse errors", async () => {
    const linkedin = (current = await connectedLinkedin());
    const member = await linkedin.connect(null);
    const post = await linkedin.connector.publish!(member, {
      idempotencyKey: 'sa',
      fingerprint: 'sa',
      post: { text: uniqueText('Measured'), settings: { visibility: 'CONNECTIONS' } },
    });
    const SOCIAL = { method: 'GET', path: /^\/rest\/socialActions\/[^/]+$/u } as const;
    for (const body of ['<html>Service</html>', '{"likesSummary": {"totalLikes": "many"}}']) {
      linkedin.setup.fake.injectFault({ kind: 'respond', status: 200, body, match: SOCIAL });
      const error = await failure(linkedin.connector.insights!.post!(member, { remoteIds: [post.remoteId] }));
      expect(isConnectorError(error)).toBe(true);
      expect(classifyError(error, 'insights.post').kind).toBe('retriable');
      expect(error.message).toContain('/rest/socialActions');
    }
  });

  it('a token answer without access_token is classified, not a crash', async () => {
    const linkedin = (current = await connectedLinkedin());
    linkedin.setup.fake.injectFault({
      kind: 'respond',
      status: 200,
      body: '{"expires_in":5184000}',
      match: { method: 'POST', path: /^\/oauth\/v2\/accessToken$/u },
    });
    const error = await failure(linkedin.connect());
    expect(classifyError(error, 'auth.exchange').kind).toBe('ambiguous');
    expect(error.message).toContain('access_token');
  });
});
