import { afterEach, describe, expect, it } from 'vitest';
import { connectedInstagram, type ConnectedInstagram } from './support/connected-instagram.js';
import type { InstagramContractSetup } from '../src/testing/index.js';

// network-apis.md 1.4 (/me/accounts with tasks, /me/permissions "check after login") and 3.1 (Facebook Login).
let connected: ConnectedInstagram | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

/** An agency: the admin of chorus.test's Page also manages a second client's Page with its own linked account. */
function secondClient(setup: InstagramContractSetup) {
  return setup.fake.createAccount('client.two', { page: true, sameAdminAs: setup.account });
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as Error & { kind?: string; issues?: { path: unknown[]; code: string }[] },
  );
}

describe('Instagram through Facebook Login: which linked account is connected', () => {
  it('with two linked Pages and no choice the connection is refused with both accounts listed', async () => {
    let ids: string[] = [];
    const error = await refusal(
      connectedInstagram({
        login: 'facebook',
        prepare: (setup) => {
          ids = [setup.account.id, secondClient(setup).id];
          return undefined;
        },
      }),
    );
    expect(error.kind).toBe('invalid-content');
    expect(error.message).toMatch(/manages 2 Pages with a linked Instagram account/u);
    for (const id of ids) {
      expect(error.message).toContain(id);
    }
    expect(error.issues?.[0]).toMatchObject({
      path: ['params', 'instagramAccountId'],
      code: 'instagram:choose-account',
    });
  });

  it('instagramAccountId or pageId picks the account; the granted permissions are recorded', async () => {
    let second: ReturnType<typeof secondClient> | undefined;
    connected = await connectedInstagram({
      login: 'facebook',
      prepare: (setup) => {
        second = secondClient(setup);
        return { login: 'facebook', instagramAccountId: second.id };
      },
    });
    expect(connected.credentials.accountId).toBe(second!.id);
    expect(connected.credentials.extra).toMatchObject({ login: 'facebook', pageId: second!.pageId });
    expect(connected.credentials.scopes).toEqual(
      expect.arrayContaining(['instagram_basic', 'instagram_content_publish', 'pages_show_list']),
    );
    const byPage = await connectedInstagram({
      login: 'facebook',
      prepare: (setup) => {
        secondClient(setup);
        return { login: 'facebook', pageId: setup.account.pageId! };
      },
    });
    try {
      expect(byPage.credentials.accountId).toBe(byPage.setup.account.id);
    } finally {
      await byPage.setup.teardown?.();
    }
  });

  it('a declined publishing permission and a role without CREATE_CONTENT are reauth-required, naming them', async () => {
    const declined = await refusal(
      connectedInstagram({
        login: 'facebook',
        prepare: (setup) => {
          setup.fake.state.declinedFacebookScopes = ['instagram_content_publish'];
          return undefined;
        },
      }),
    );
    expect(declined.kind).toBe('reauth-required');
    expect(declined.message).toContain('instagram_content_publish');
    const noMetadata = await refusal(
      connectedInstagram({
        login: 'facebook',
        prepare: (setup) => {
          setup.fake.state.declinedFacebookScopes = ['pages_manage_metadata'];
          return undefined;
        },
      }),
    );
    expect(noMetadata.kind).toBe('reauth-required');
    expect(noMetadata.message).toMatch(/did not grant pages_manage_metadata; connect again/u);
    expect(noMetadata.message).toMatch(/install itself on the linked Page/u);
    const analyst = await refusal(
      connectedInstagram({
        login: 'facebook',
        prepare: (setup) => {
          const other = setup.fake.createAccount('client.three', {
            page: true,
            sameAdminAs: setup.account,
            tasks: ['ANALYZE'],
          });
          return { login: 'facebook', instagramAccountId: other.id };
        },
      }),
    );
    expect(analyst.kind).toBe('reauth-required');
    expect(analyst.message).toMatch(/CREATE_CONTENT/u);
  });
});
