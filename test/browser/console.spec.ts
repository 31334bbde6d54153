import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorHost } from '@chorus/connector-host';
import { MastodonFake } from '@chorus/connector-mastodon/testing';
import { silentLogger } from '@chorus/connector-sdk';
import { startEmbedded, type EmbeddedHost } from '@chorus/host';
import { launchChromium, type Chromium } from './support/chromium.js';
import { horizontalOverflow, seriousAccessibilityViolations } from './support/page-checks.js';
import { sessionClient } from './support/session-client.js';

// The console in real Chromium against the embedded host (`chorus start`'s code path) on a fresh data
// directory: the static build served by the gateway, the real cookie session with CSRF, the real APIs.
const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const CONSOLE_BUILD = fileURLToPath(new URL('../../apps/console/build', import.meta.url));
// Git-ignored (test-results/): screenshots of the main pages, kept with the test results.
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/console', import.meta.url));

const ADMIN = {
  name: 'Ada Admin',
  email: `ada-${randomUUID()}@example.test`,
  password: 'correct horse battery',
};

describe('the web console in Chromium', { timeout: 60_000 }, () => {
  let dataDir: string;
  let mastodon: MastodonFake;
  let connectors: ConnectorHost;
  let host: EmbeddedHost;
  let chromium: Chromium;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(CONSOLE_BUILD, 'index.html'))) {
      throw new Error(`No console build in ${CONSOLE_BUILD}: run \`npm run build -w @chorus/console\` first`);
    }
    await mkdir(SCREENSHOTS, { recursive: true });
    dataDir = await mkdtemp(join(tmpdir(), 'chorus-console-'));
    // The Mastodon fake (real HTTP on loopback, OAuth with PKCE) stands in for the network.
    mastodon = await MastodonFake.start();
    mastodon.createAccount('acmecoffee', 'Acme Coffee');
    connectors = await ConnectorHost.start({
      root: REPOSITORY,
      discover: false,
      conditions: ['@chorus/source', 'import', 'default'],
      logger: silentLogger,
      connectors: [{ resolve: '@chorus/connector-mastodon', options: {} }],
    });
    host = await startEmbedded({
      connectors,
      allowPrivateNetworkTargets: true,
      dataDir,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'warn',
      logSink: () => undefined,
      consoleDir: CONSOLE_BUILD,
    });
    chromium = await launchChromium();
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await host?.close();
    await connectors?.close();
    await mastodon?.close();
    if (dataDir !== undefined) {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  const at = (path: string): string => `${host.url}${path}`;

  /** The API as the browser's session, behind the page's back. */
  let workspaceId = '';
  const asBrowser = () => sessionClient(chromium.context, host.url, () => workspaceId);

  async function expectAccessible(name: string): Promise<void> {
    const violations = await seriousAccessibilityViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  it('signs up through the first-run wizard: field problems next to their fields, input kept', async () => {
    await page.goto(at('/'));
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible('sign-in');
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in.png'), fullPage: true });

    await page.getByRole('link', { name: 'Set up your agency' }).click();
    await page.getByLabel('Agency name').fill('Acme Agency');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Brand or workspace name').fill('Acme Coffee');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill('too short');
    await expectAccessible('sign-up');
    await page.getByRole('button', { name: 'Create the agency' }).click();

    // The API's 400 names the field; the wizard shows it under that field and keeps every value.
    const problem = page.locator('#password-error');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/12/);
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-describedby')).toContain(
      'password-error',
    );
    expect(await page.getByLabel('E-mail').inputValue()).toBe(ADMIN.email);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Back' }).click();
    expect(await page.getByLabel('Agency name').inputValue()).toBe('Acme Agency');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create the agency' }).click();
    await page.getByRole('heading', { name: 'First channel', level: 2 }).waitFor();
    await expectAccessible('wizard: first channel');
    await page.screenshot({ path: join(SCREENSHOTS, 'wizard-channel.png'), fullPage: true });

    // Connecting with nothing filled in: each field says what is wrong, and the network typed stays.
    await page.getByLabel('Handle or e-mail of the account').fill('acme.test');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.locator('#wizard-network-error').waitFor();
    await page.locator('#wizard-password-error').waitFor();
    expect(await page.getByLabel('Handle or e-mail of the account').inputValue()).toBe('acme.test');

    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    expect(await page.getByTestId('agency-name').textContent()).toBe('Acme Agency');
    expect(await page.getByTestId('workspace-switcher').locator('option:checked').textContent()).toBe(
      'Acme Coffee',
    );
  });

  it("connects a Mastodon account through the network's sign-in page, and shows its health", async () => {
    await page.goto(at('/channels'));
    await page.getByTestId('channels-empty').waitFor();
    const form = page.getByTestId('connect-channel').last();
    await form.getByLabel('Network', { exact: true }).fill('mastodon');
    await form.getByLabel('Sign in on the network').check();
    await form.getByLabel('Server address (if the network has several)').fill(mastodon.url);
    // The browser goes to the network (the fake approves at once) and comes back to the channels page.
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.waitForURL(/\/channels\?outcome=connected/);
    await page.getByTestId('oauth-outcome').getByText('The account is connected.').waitFor();

    const channel = page.getByTestId('channels').locator('li').first();
    await channel.getByText('Connected', { exact: true }).waitFor();
    expect(await channel.textContent()).toContain('@acmecoffee');
    await channel.getByRole('button', { name: 'Reconnect' }).click();
    expect(await channel.getByLabel('Network', { exact: true }).inputValue()).toBe('mastodon');
  });

  it('lists a scheduled post on the calendar and opens its detail page', async () => {
    const api = asBrowser();
    const me = await api.gateway.GET('/api/me');
    workspaceId = me.data!.workspaces[0]!.id;
    const channels = await api.gateway.GET('/api/channels');
    const channelId = channels.data!.items[0]!.id;
    // The content service learns of the channel from the gateway's ChannelConnected event: retry until it has.
    let postId: string | undefined;
    for (let attempt = 0; postId === undefined && attempt < 20; attempt += 1) {
      const created = await api.content.POST('/posts', {
        body: { text: 'Our winter blend is back', targets: [{ channelId }], tags: ['launch'] },
      });
      postId = created.data?.id;
      if (postId === undefined) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    expect(postId).toBeDefined();
    const publishAt = new Date(Date.now() + 2 * 24 * 3600_000).toISOString();
    const scheduled = await api.content.POST('/posts/{postId}/schedule', {
      params: { path: { postId: postId! } },
      body: { publishAt, timeZone: 'Europe/Rome' },
    });
    expect(scheduled.response.status, JSON.stringify(scheduled.error)).toBeLessThan(300);

    await page.goto(at('/'));
    await page.getByTestId('calendar-list').getByRole('link', { name: 'Our winter blend is back' }).click();
    await page.waitForURL(new RegExp(`/content/posts/${postId}$`));
    expect(await page.getByTestId('post-status').textContent()).toBe('Scheduled');
    // Named in the targets and again in their publishing states.
    await page.getByText('Acme Coffee (@acmecoffee)').first().waitFor();
    await expectAccessible('post detail');
    await page.screenshot({ path: join(SCREENSHOTS, 'post-detail.png'), fullPage: true });
  });

  const PAGES = [
    { name: 'calendar', path: '/', heading: 'Calendar' },
    { name: 'channels', path: '/channels', heading: 'Channels' },
    { name: 'team', path: '/team', heading: 'Team and roles' },
    { name: 'notifications', path: '/notifications', heading: 'Notifications' },
    { name: 'audit-log', path: '/audit', heading: 'Audit log' },
  ];

  it('serves every page at its own address, accessible, and 360 px wide without sideways scrolling', async () => {
    for (const { name, path, heading } of PAGES) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(at(path));
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('[role="status"]:has-text("Loading")').waitFor({ state: 'detached' });
      await expectAccessible(name);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

      await page.setViewportSize({ width: 360, height: 740 });
      expect(await horizontalOverflow(page), `${name} scrolls sideways at 360 px`).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-360.png`), fullPage: true });
    }

    // The month grid is the widest thing on the calendar.
    await page.goto(at('/'));
    await page.getByRole('button', { name: 'Month' }).click();
    await page.getByTestId('calendar-month').waitFor();
    expect(await horizontalOverflow(page), 'the month view scrolls sideways at 360 px').toBe(0);
    await expectAccessible('calendar, month');
    await page.screenshot({ path: join(SCREENSHOTS, 'calendar-month-360.png'), fullPage: true });

    // Page paths get the app; API paths and non-page requests keep their plain 404.
    const apiMiss = await fetch(at('/api/no-such-route'), { headers: { accept: 'text/html' } });
    expect([apiMiss.status, apiMiss.headers.get('content-type')]).toEqual([
      404,
      expect.stringContaining('json'),
    ]);
    expect((await fetch(at('/team'), { headers: { accept: 'application/json' } })).status).toBe(404);

    // A post that is not in this workspace: the detail page says so.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(at(`/content/posts/${randomUUID()}`));
    await page.getByText('This post does not exist in this workspace').waitFor();
    await expectAccessible('post detail');
  });

  it('turns the whole layout right to left in Hebrew, and back', async () => {
    await page.goto(at('/channels'));
    await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();
    await page.getByTestId('language').first().selectOption('he');
    await page.getByRole('heading', { name: 'ערוצים', level: 1 }).waitFor();
    expect(
      await page.evaluate<string[]>('[document.documentElement.dir, document.documentElement.lang]'),
    ).toEqual(['rtl', 'he']);
    // Logical CSS properties: the navigation moves to the right of the content.
    const nav = await page.getByRole('navigation').boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(nav!.x).toBeGreaterThan(main!.x);
    await expectAccessible('channels, Hebrew');
    await page.screenshot({ path: join(SCREENSHOTS, 'channels-he.png'), fullPage: true });

    // The choice survives a reload; Italian is complete too.
    await page.reload();
    await page.getByRole('heading', { name: 'ערוצים', level: 1 }).waitFor();
    await page.getByTestId('language').first().selectOption('it');
    await page.getByRole('heading', { name: 'Canali', level: 1 }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.dir')).toBe('ltr');
    await page.getByTestId('language').first().selectOption('en');
  });

  it('shows a notification the moment it is raised (server-sent events)', async () => {
    await page.goto(at('/notifications'));
    await page.getByTestId('notifications-empty').waitFor();
    const raised = await asBrowser().gateway.POST('/api/notifications/test');
    expect(raised.response.status).toBe(201);
    await page.getByTestId('notifications').locator('li').first().waitFor();
    await page.getByTestId('unread-count').waitFor();
    expect(Number(await page.getByTestId('unread-count').textContent())).toBeGreaterThanOrEqual(1);
  });

  it('keeps what was typed when the session ends, and carries on after signing in again', async () => {
    await page.goto(at('/team'));
    await page.getByRole('heading', { name: 'Team and roles', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Bea Writer');
    await page.getByTestId('invite').getByLabel('E-mail').fill('bea@example.test');

    // The session is revoked elsewhere (another tab signed out); this page still holds the stale cookie.
    expect((await asBrowser().gateway.POST('/api/auth/sign-out')).response.ok).toBe(true);
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    const dialog = page.getByTestId('session-expired');
    await dialog.waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Bea Writer');
    await expectAccessible('session expired');

    await dialog.getByLabel('Password').fill(ADMIN.password);
    await dialog.getByRole('button', { name: 'Sign in and continue' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByText('bea@example.test is invited.').waitFor();
    await page.getByTestId('members').getByText('Bea Writer', { exact: true }).waitFor();

    // The invitation is in the audit log: search it, then export the same search as CSV.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Action', { exact: true }).fill('member.invited');
    await page.getByRole('button', { name: 'Search' }).click();
    const rows = page.getByTestId('audit-entries').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('member.invited');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-csv').click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('member.invited');

    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);
  });
});
