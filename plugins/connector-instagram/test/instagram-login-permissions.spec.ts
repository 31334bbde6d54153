import { afterEach, describe, expect, it } from 'vitest';
import { connectedInstagram, type ConnectedInstagram } from './support/connected-instagram.js';

// network-apis.md 3.1 step 2: the Instagram Login code exchange answers the permissions granted.
let connected: ConnectedInstagram | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

describe('Instagram Login: the permissions granted', () => {
  it('are recorded in the credentials; an optional one declined only narrows them', async () => {
    connected = await connectedInstagram({
      login: 'instagram',
      prepare: (setup) => {
        setup.fake.state.declinedInstagramScopes = ['instagram_business_manage_insights'];
        return undefined;
      },
    });
    const { scopes } = connected.credentials;
    expect(scopes).toEqual(
      expect.arrayContaining([
        'instagram_business_basic',
        'instagram_business_content_publish',
        'instagram_business_manage_comments',
      ]),
    );
    expect(scopes).not.toContain('instagram_business_manage_insights');
  });

  it('a login without the publishing permission is refused, naming it', async () => {
    const error = await connectedInstagram({
      login: 'instagram',
      prepare: (setup) => {
        setup.fake.state.declinedInstagramScopes = ['instagram_business_content_publish'];
        return undefined;
      },
    }).then(
      () => {
        throw new Error('expected a refusal');
      },
      (failure: unknown) => failure as Error & { kind?: string },
    );
    expect(error.kind).toBe('reauth-required');
    expect(error.message).toMatch(/did not grant instagram_business_content_publish; connect again/u);
  });
});
