import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError, type RateLimitedError } from '@chorus/connector-sdk';
import { mapTikTokError } from '../src/api/map-error.js';
import { samplePhoto } from '../src/testing/index.js';
import {
  connectedTikTok,
  dataOf,
  errorOf,
  rawCall,
  type ConnectedTikTok,
} from './support/connected-tiktok.js';

const context = { operation: 'publish' as const, endpoint: 'post.init', now: new Date() };
const failure = (status: number, code: string) =>
  mapTikTokError({ status, code, message: 'said TikTok', logId: '2026abc', retryAfter: null }, context);

// network-apis.md 7.8, bullet 1.
describe('fixture note "Envelope with error.code:"ok" on success; string error codes with matching HTTP statuses"', () => {
  let t: ConnectedTikTok;
  beforeAll(async () => {
    t = await connectedTikTok();
  });
  afterAll(() => t.close());

  it('a success carries data and error.code "ok" with a log_id', async () => {
    const answer = await rawCall(`${t.setup.fake.url}/v2/post/publish/creator_info/query/`, {
      token: t.credentials.accessToken,
      json: {},
    });
    expect(answer.status).toBe(200);
    expect(errorOf(answer.json)).toMatchObject({ code: 'ok', message: '' });
    expect(errorOf(answer.json).log_id).toMatch(/^2026/u);
    expect(dataOf(answer.json).creator_username).toBe('chorusbrand');
  });

  it('errors carry a string code with its HTTP status: 401 access_token_invalid, 401 scope_not_authorized, 400 invalid_params', async () => {
    const url = `${t.setup.fake.url}/v2/post/publish/status/fetch/`;
    const noToken = await rawCall(url, { token: 'act.nope', json: { publish_id: 'x' } });
    expect([noToken.status, errorOf(noToken.json).code]).toEqual([401, 'access_token_invalid']);
    const narrow = await t.connect(['user.info.basic']);
    const scope = await rawCall(url, { token: narrow.accessToken, json: { publish_id: 'x' } });
    expect([scope.status, errorOf(scope.json).code]).toEqual([401, 'scope_not_authorized']);
    const unknown = await rawCall(url, { token: t.credentials.accessToken, json: { publish_id: 'x' } });
    expect([unknown.status, errorOf(unknown.json).code]).toEqual([400, 'invalid_params']);
  });

  it('the connector classifies each code: token and scope codes reauth, quotas rate-limited, content codes invalid', () => {
    expect(failure(401, 'access_token_invalid').kind).toBe('reauth-required');
    expect(failure(401, 'scope_permission_missed').kind).toBe('reauth-required');
    expect(failure(429, 'rate_limit_exceeded').kind).toBe('rate-limited');
    expect(failure(403, 'spam_risk_too_many_posts').kind).toBe('rate-limited');
    expect(failure(403, 'reached_active_user_cap').kind).toBe('rate-limited');
    expect(failure(403, 'spam_risk_too_many_pending_share').kind).toBe('rate-limited');
    for (const code of [
      'spam_risk_text',
      'spam_risk_user_banned_from_posting',
      'privacy_level_option_mismatch',
      'url_ownership_unverified',
      'unaudited_client_can_only_post_to_private_accounts',
      'file_format_check_failed',
      'picture_size_check_failed',
      'invalid_params',
    ]) {
      expect(failure(400, code).kind, code).toBe('invalid-content');
    }
    expect(failure(400, 'video_pull_failed').kind).toBe('retriable');
    expect(failure(500, 'internal_error').kind).toBe('ambiguous');
    expect(failure(400, 'spam_risk_text').message).toContain('log_id 2026abc');
  });

  it('a 429 without Retry-After waits out the minute window; with one, honours it', () => {
    expect((failure(429, 'rate_limit_exceeded') as RateLimitedError).retryAfter).toBe(60);
    const withHeader = mapTikTokError(
      { status: 429, code: 'rate_limit_exceeded', message: '', logId: undefined, retryAfter: '17' },
      context,
    ) as RateLimitedError;
    expect(withHeader.retryAfter).toBe(17);
  });

  it("a refused publish reaches the caller as the classified error with TikTok's words", async () => {
    t.setup.fake.injectFault({
      kind: 'error',
      status: 400,
      code: 'spam_risk_text',
      message: 'Text flagged.',
    });
    const error = classifyError(await t.publishError({ text: 'Buy now', media: [samplePhoto()] }), 'publish');
    expect(error.kind).toBe('invalid-content');
    expect(error.message).toContain('spam_risk_text');
    expect(error.message).toContain('Text flagged.');
  });
});
