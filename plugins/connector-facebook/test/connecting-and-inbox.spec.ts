import { afterEach, describe, expect, it } from 'vitest';
import { connectedFacebook, failure, type ConnectedFacebook } from './support/connected-facebook.js';

// network-apis.md 1.4 (Pages of the person), 1.5 (paging), 1.6 (subscribed_apps), 2.3 (inbox), 2.4 (insights).
let connected: ConnectedFacebook | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const MORE_PAGES = 104; // with the test Page, past the 100 Pages one /me/accounts page holds

describe('choosing the Page', () => {
  it('every Page of the person is listed (past the first page of /me/accounts); with several, the person picks', async () => {
    const ids: string[] = [];
    const error = await failure(
      connectedFacebook(
        {},
        {},
        {
          before: ({ fake, admin }) => {
            for (let index = 0; index < MORE_PAGES; index += 1) {
              ids.push(fake.createPage(`Shop ${index}`, admin).id);
            }
          },
        },
      ),
    );
    expect(error.kind).toBe('invalid-content');
    expect(error.message).toMatch(/manages 105 Pages/u);
    expect(error.message).toContain(`Shop ${MORE_PAGES - 1} (${ids.at(-1)})`);
    expect(error.issues?.[0]?.path).toEqual(['params', 'pageId']);
  });

  it('the Page asked for is connected even when it is not on the first page of /me/accounts', async () => {
    let wanted = '';
    connected = await connectedFacebook(
      {},
      {},
      {
        before: ({ fake, admin }) => {
          for (let index = 0; index < MORE_PAGES; index += 1) {
            wanted = fake.createPage(`Shop ${index}`, admin).id;
          }
          return { pageId: wanted };
        },
      },
    );
    expect(connected.credentials.accountId).toBe(wanted);
    expect(connected.credentials.extra?.pageName).toBe(`Shop ${MORE_PAGES - 1}`);
    const listed = connected.setup.fake.requests().filter((entry) => entry.path === '/me/accounts');
    expect(listed.length).toBe(2);
    expect(listed[1]?.query.after).toBeDefined();
  });

  it('a person with more Pages than the 50 pages of /me/accounts Chorus reads is refused, not shown a partial list', async () => {
    let wanted = '';
    const error = await failure(
      connectedFacebook(
        {},
        {},
        {
          before: ({ fake, admin }) => {
            // With the test Page: 5,001 Pages, one past 50 answers of 100.
            for (let index = 0; index < 5000; index += 1) {
              wanted = fake.createPage(`Shop ${index}`, admin).id;
            }
            return { pageId: wanted };
          },
        },
      ),
    );
    expect(error.kind).toBe('reauth-required');
    expect(error.message).toMatch(/manages more Pages than Chorus reads \(50 pages of 100/u);
    expect(error.message).toMatch(/select only the Pages to connect/u);
  }, 30_000); // 50 requests over 5,001 Pages: seconds on a shared machine
});

describe('webhook installation on the Page', () => {
  it('connecting subscribes the app on the Page (feed, mention, messages); deliveries come only for installed Pages', async () => {
    connected = await connectedFacebook();
    const { setup } = connected;
    expect([...(setup.fake.state.subscriptions.get(setup.page.id) ?? [])]).toEqual([
      'feed',
      'mention',
      'messages',
    ]);
    setup.fake.world.message(setup.visitor, setup.page, 'hello');
    expect(await setup.fake.flushWebhooks()).not.toBeNull();
    setup.fake.state.subscriptions.clear();
    setup.fake.world.message(setup.visitor, setup.page, 'anyone?');
    expect(await setup.fake.flushWebhooks()).toBeNull();
  });

  it('{"success": false} from subscribed_apps fails the connection with a classified error', async () => {
    const error = await failure(
      connectedFacebook(
        {},
        {},
        {
          before: ({ fake, page }) => {
            fake.injectFault({
              kind: 'body',
              status: 200,
              text: '{"success":false}',
              match: { method: 'POST', path: `/${page.id}/subscribed_apps` },
            });
          },
        },
      ),
    );
    expect(error.kind).toBe('retriable');
    expect(error.message).toContain('{"success": false}');
  });

  it('a login that declines pages_manage_metadata cannot install the app: the connection says which permission', async () => {
    const error = await failure(connectedFacebook({ declined: ['pages_manage_metadata'] }));
    expect(error.kind).toBe('reauth-required');
    // Refused by the permission check after login (1.4), not by a failed subscribed_apps call.
    expect(error.message).toMatch(/Login did not grant pages_manage_metadata; connect again/u);
    expect(error.message).toMatch(/install itself on the Page/u);
  });
});

describe('inbox paging', () => {
  it('mentions, conversations and messages are read past their first page', async () => {
    connected = await connectedFacebook();
    const { connector, credentials, setup } = connected;
    const mentions = Array.from(
      { length: 120 },
      (_v, index) => setup.fake.world.mention(setup.visitor, setup.page, `@Chorus Test ${index}`).id,
    );
    const people = Array.from({ length: 30 }, (_v, index) => setup.fake.createUser(`Person ${index}`));
    for (const person of people) {
      setup.fake.world.message(person, setup.page, `hi from ${person.name}`);
    }
    const lines = Array.from({ length: 60 }, (_v, index) =>
      setup.fake.world.message(setup.visitor, setup.page, `line ${index}`),
    );
    const { interactions } = await connector.inbox!.pull!(credentials, { cursor: null });
    const ids = new Set(interactions.map((item) => item.remoteId));
    expect(mentions.filter((id) => !ids.has(id))).toEqual([]);
    expect(lines.filter((id) => !ids.has(id))).toEqual([]);
    expect(interactions.filter((item) => item.kind === 'direct-message')).toHaveLength(90);
  });
});

describe('insights', () => {
  it('a batch Meta refuses for one metric is asked again metric by metric: the others still come back', async () => {
    connected = await connectedFacebook();
    const { connector, credentials, setup } = connected;
    for (let index = 0; index < 100; index += 1) {
      setup.fake.world.follow(setup.page);
    }
    setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 100, message: '(#100) The value must be a valid insights metric' },
      match: { method: 'GET', path: `/${setup.page.id}/insights` },
    });
    const account = await connector.insights!.account!(credentials);
    expect(account.metrics.followers).toBe(100);
    expect(typeof account.metrics.views).toBe('number');
    expect(typeof account.metrics.reach).toBe('number');
    const asked = setup.fake.requests().filter((entry) => entry.path === `/${setup.page.id}/insights`);
    expect(asked.map((entry) => entry.query.metric)).toEqual([
      'page_media_view,page_total_media_view_unique',
      'page_media_view',
      'page_total_media_view_unique',
    ]);
  });
});
