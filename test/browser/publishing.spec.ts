import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
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

// The publishing half of the console in real Chromium against the embedded host: the composer with its
// per-network counter and the server's problems, approval through the client's mailed link, publication
// states live on the post's page (and the post on the Mastodon fake), drag-to-reschedule in the week view
// and its keyboard alternative, and the crisis pause. Each new page passes axe and fits 360 px.
const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const CONSOLE_BUILD = fileURLToPath(new URL('../../apps/console/build', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/publishing', import.meta.url));

const ADMIN = {
  name: 'Pia Publisher',
  email: `pia-${randomUUID()}@example.test`,
  password: 'correct horse battery',
};
const CLIENT = { email: 'maria@client.example', name: 'Maria, Acme marketing' };
// 22 characters and a URL, which Mastodon counts as 23 whatever its length.
const POST_TEXT = 'Winter blend is back: https://acme.example/shop/winter-blend-2026?utm_source=newsletter';
const ZONE = 'Europe/Rome'; // the browser's zone (support/chromium.ts)
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** YYYY-MM-DD of the day after today in the browser's zone. */
function tomorrowInZone(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The instant of a wall time in Europe/Rome (its offset is +01:00 or +02:00; find the one that reads back). */
function romeInstant(day: string, time: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const instant = new Date(`${day}T${time}:00${offset}`);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      hour: '2-digit',
      minute: '2-digit',
    }).format(instant);
    if (local === time) {
      return instant.toISOString();
    }
  }
  throw new Error(`no instant for ${day} ${time} in ${ZONE}`);
}

describe('publishing in the console, in Chromium', { timeout: 90_000 }, () => {
  let dataDir: string;
  let mastodon: MastodonFake;
  let connectors: ConnectorHost;
  let host: EmbeddedHost;
  let chromium: Chromium;
  let page: Page;
  let workspaceId = '';
  let channelId = '';
  let approvedPostId = '';

  beforeAll(async () => {
    if (!existsSync(join(CONSOLE_BUILD, 'index.html'))) {
      throw new Error(`No console build in ${CONSOLE_BUILD}: run \`npm run build -w @chorus/console\` first`);
    }
    await mkdir(SCREENSHOTS, { recursive: true });
    dataDir = await mkdtemp(join(tmpdir(), 'chorus-publishing-'));
    mastodon = await MastodonFake.start();
    mastodon.createAccount('acmeroasters', 'Acme Roasters');
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
  const asBrowser = () => sessionClient(chromium.context, host.url, () => workspaceId);

  /** axe (no serious or critical violation), a screenshot, then 360 px: no sideways scrolling. */
  async function checkPage(name: string): Promise<void> {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('[role="status"]:has-text("Loading")').waitFor({ state: 'detached' });
    const violations = await seriousAccessibilityViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await horizontalOverflow(page), `${name} scrolls sideways at 360 px`).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-360.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function mailTo(email: string): Promise<string | undefined> {
    const rows = await host.gateway.serviceDb.asSystem((tx) =>
      tx.query<{ body: string }>(
        `SELECT body FROM gateway.mail_outbox WHERE recipient = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
        [email],
      ),
    );
    return rows[0]?.body;
  }

  async function eventually<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await read();
      if (value !== undefined) {
        return value;
      }
      if (Date.now() > deadline) {
        throw new Error(`gave up waiting for ${what}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('signs up and connects a Mastodon account through its sign-in page', async () => {
    await page.goto(at('/sign-up'));
    await page.getByLabel('Agency name').fill('Acme Agency');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Brand or workspace name').fill('Acme Coffee');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create the agency' }).click();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();

    await page.goto(at('/channels'));
    const form = page.getByTestId('connect-channel').last();
    await form.getByLabel('Network', { exact: true }).fill('mastodon');
    await form.getByLabel('Sign in on the network').check();
    await form.getByLabel('Server address (if the network has several)').fill(mastodon.url);
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.waitForURL(/\/channels\?outcome=connected/);

    const me = await asBrowser().gateway.GET('/api/me');
    workspaceId = me.data!.workspaces[0]!.id;
    // The content service learns of the channel from the gateway's ChannelConnected event.
    channelId = await eventually(async () => {
      const { data } = await asBrowser().content.GET('/channels');
      return data?.items[0]?.channelId;
    }, 'the channel to reach the content service');
  });

  it('composes with a live per-network counter and preview; the server refuses an over-long variant by its channel', async () => {
    // A picture in the library, uploaded as bytes with the session's cookies.
    const cookies = await chromium.context.cookies(host.url);
    const uploaded = await fetch(at('/api/content/media?fileName=beans.png'), {
      method: 'POST',
      headers: {
        cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
        'x-csrf-token': cookies.find((c) => c.name.endsWith('chorus_csrf'))?.value ?? '',
        'x-chorus-workspace': workspaceId,
        'content-type': 'image/png',
      },
      body: ONE_PIXEL_PNG,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);

    await page.goto(at('/compose'));
    await page.getByRole('heading', { name: 'Compose a post', level: 1 }).waitFor();
    await page.getByLabel(/Acme Roasters/).check();
    await page.getByLabel('Text (all channels)').fill(POST_TEXT);
    // Mastodon counts the URL as 23: 22 + 23, whatever the URL's length.
    expect(await page.getByTestId('counter-mastodon').first().textContent()).toContain('45 / 500');
    expect(await page.getByTestId('preview-mastodon').textContent()).toContain('Winter blend is back');

    // Media from the library, with this post's alt text, in the preview.
    await page.getByLabel('beans.png').check();
    await page.getByLabel('Alt text').fill('Roasted beans in a paper bag');
    await page
      .getByTestId('preview-mastodon')
      .getByRole('img', { name: 'Roasted beans in a paper bag' })
      .waitFor();

    // The channel's own text, over Mastodon's limit: the counter says so, and so does the server, under it.
    await page.getByTestId('variant-mastodon').getByLabel('Its own text on this channel').check();
    await page.getByLabel('Text for Acme Roasters').fill('a'.repeat(501));
    await page.getByTestId('variant-mastodon').getByText('over the limit', { exact: true }).waitFor();
    // Said once to a screen reader (the counter itself is not a live region: it would speak every keystroke).
    await page
      .getByTestId('variant-mastodon')
      .getByRole('status')
      .getByText('mastodon: over the limit')
      .waitFor({
        state: 'attached',
      });
    await page.getByLabel('Publish at').fill('2031-06-01T10:00');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    const problems = page.getByTestId('variant-mastodon').getByTestId('channel-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/500/);
    await page.getByText('The post is saved as a draft').waitFor();
    await checkPage('composer');

    // Back to the master text for every channel, without the picture.
    await page.getByTestId('variant-mastodon').getByLabel('Its own text on this channel').uncheck();
    await page.getByLabel('beans.png').uncheck();
  });

  it('sends the post for approval, mails the client a link, and the client approves it through the link', async () => {
    const api = asBrowser();
    const workflow = await api.content.PUT('/approval-workflow', {
      body: { steps: [{ role: 'client-approver', mode: 'any' }] },
    });
    expect(workflow.response.status, JSON.stringify(workflow.error)).toBe(200);
    expect((await api.content.PUT('/approval-contacts', { body: { items: [CLIENT] } })).response.status).toBe(
      200,
    );

    await page.getByRole('button', { name: 'Send for approval' }).click();
    await page.waitForURL(/\/content\/posts\/[\w-]+\?from=approval$/);
    approvedPostId = /posts\/([\w-]+)/.exec(page.url())![1]!;
    const approval = page.getByTestId('approval');
    await approval.getByText('Awaiting approval').waitFor();
    // Two versions (with the over-long variant, then without): their diff is on the page.
    await page.getByTestId('version-diff').waitFor();

    await approval.getByRole('button', { name: 'Mail the client an approval link' }).click();
    await approval.getByText(`The approval link is mailed to ${CLIENT.email}.`).waitFor();

    await page.goto(at('/approvals'));
    await page
      .getByTestId('approvals-queue')
      .getByRole('link', { name: /Winter blend is back/ })
      .waitFor();
    await checkPage('approvals');

    const mail = await eventually(() => mailTo(CLIENT.email), 'the approval link in the mail outbox');
    // The client follows the mailed link: the console's page, without an account.
    const link = /(\/approve\?token=[\w.-]+)/.exec(mail)![1]!;
    await page.goto(at(link));
    await page.getByTestId('link-post-text').getByText('Winter blend is back').waitFor();
    await checkPage('approval-link');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('link-decided').waitFor();
    // The link works once.
    await page.reload();
    await page.getByText('This link has expired, was used already').waitFor();
  });

  it('publishes the approved post and shows it published with its link, as the network has it', async () => {
    await page.goto(at(`/content/posts/${approvedPostId}`));
    await page.getByTestId('approval-status').getByText('Approved').waitFor();
    await page.getByRole('button', { name: 'Publish now' }).click();

    const target = page.getByTestId('publication-mastodon');
    await target.getByTestId('publication-state').getByText('Published').waitFor({ timeout: 30_000 });
    const link = await target.getByTestId('published-link').getAttribute('href');
    expect(link).toContain(mastodon.url);
    const onNetwork = mastodon.published().find((status) => status.text.includes('Winter blend is back'));
    expect(onNetwork, 'the status is on the Mastodon fake').toBeDefined();
    expect(link).toContain(onNetwork!.id);
    await checkPage('post-published');
  });

  it('reschedules a post by dragging it in the week view, and with the keyboard alternative', async () => {
    const api = asBrowser();
    // Approval off again, so a post can be scheduled straight away.
    expect((await api.content.PUT('/approval-workflow', { body: { steps: [] } })).response.status).toBe(200);
    const day = tomorrowInZone();
    const created = await api.content.POST('/posts', {
      body: { text: 'Tasting evening', targets: [{ channelId }] },
    });
    const postId = created.data!.id;
    const scheduled = await api.content.POST('/posts/{postId}/schedule', {
      params: { path: { postId } },
      body: { publishAt: romeInstant(day, '10:15'), timeZone: ZONE },
    });
    expect(scheduled.response.status, JSON.stringify(scheduled.error)).toBe(200);

    await page.goto(at('/'));
    await page.getByRole('button', { name: 'Week' }).click();
    await page.getByTestId('calendar-grid').waitFor();
    if ((await page.locator(`td[data-slot="${day}T10:00"]`).count()) === 0) {
      await page.getByRole('button', { name: 'Next' }).click(); // today is Sunday: tomorrow is next week
    }
    const entry = page.locator(`td[data-slot="${day}T10:00"]`).getByTestId('calendar-entry');
    await entry.waitFor();
    await checkPage('calendar-week');

    await entry.dragTo(page.locator(`td[data-slot="${day}T15:00"]`));
    await page.getByTestId('calendar-moved').waitFor();
    await page.locator(`td[data-slot="${day}T15:00"]`).getByTestId('calendar-entry').waitFor();
    const local = async () => {
      const calendar = await api.content.GET('/calendar', {
        params: { query: { view: 'day', date: day, timeZone: ZONE } },
      });
      return calendar.data!.entries.find((e) => e.post.id === postId)?.localTime;
    };
    expect(await local()).toMatch(/^15:15/);

    // Without a mouse: the entry's move button from the keyboard puts the focus in the date and time field,
    // and Enter there moves the post.
    await page
      .locator(`td[data-slot="${day}T15:00"]`)
      .getByRole('button', { name: 'Move to another time' })
      .focus();
    await page.keyboard.press('Enter');
    const newTime = page.getByLabel('New date and time');
    await page.locator('#reschedule-at:focus').waitFor();
    await newTime.fill(`${day}T17:30`);
    await newTime.press('Enter');
    await page.locator(`td[data-slot="${day}T17:00"]`).getByTestId('calendar-entry').waitFor();
    expect(await local()).toMatch(/^17:30/);

    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.getByTestId('calendar-grid').waitFor();
    await checkPage('calendar-day');
  });

  it('pauses all publishing with a reason, shows it on every page, and resumes', async () => {
    await page.goto(at('/publishing'));
    await page.getByRole('heading', { name: 'Pause publishing', level: 1 }).waitFor();
    await page.getByTestId('pause-state').getByText('Publishing runs.').waitFor();
    await checkPage('publishing');

    await page.getByRole('button', { name: 'Pause all publishing' }).click();
    await page.locator('#pause-reason-error').waitFor(); // the API names the missing reason
    await page.getByLabel('Reason').fill('Crisis: product recall');
    await page.getByLabel('Move each held post by the length of the pause').check();
    await page.getByRole('button', { name: 'Pause all publishing' }).click();
    await page.getByTestId('pause-state').getByText('Publishing is paused.').waitFor();
    const paused = await asBrowser().content.GET('/publishing/pause');
    expect(paused.data).toMatchObject({
      paused: true,
      reason: 'Crisis: product recall',
      onResume: 'reschedule',
    });
    await checkPage('publishing-paused');

    // A post falling due meanwhile is held, and says so on its page and in the banner on every page.
    const api = asBrowser();
    const created = await api.content.POST('/posts', {
      body: { text: 'Held back', targets: [{ channelId }] },
    });
    const postId = created.data!.id;
    const due = await api.content.POST('/posts/{postId}/schedule', {
      params: { path: { postId } },
      // Soon, with room for the request on a loaded machine (the API refuses an instant already past).
      body: { publishAt: new Date(Date.now() + 5000).toISOString(), timeZone: ZONE },
    });
    expect(due.response.status, JSON.stringify(due.error)).toBe(200);
    await page.goto(at(`/content/posts/${postId}`));
    await page
      .getByTestId('publication-mastodon')
      .getByText('Held', { exact: true })
      .waitFor({ timeout: 30_000 });
    await page.reload();
    await page.getByTestId('pause-banner').getByText('Publishing is paused (1 held).').waitFor();
    await page.getByTestId('pause-banner').getByText('Crisis: product recall').waitFor();

    // Resuming, the member chooses to publish what was held at once.
    // The post's page re-reads a held target's state every 3 s; leaving it (in-app navigation) stops that.
    const polls: string[] = [];
    const countPolls = (request: { url(): string }) => {
      if (request.url().includes('/publication')) {
        polls.push(request.url());
      }
    };
    await page.getByTestId('pause-banner').getByRole('link').click();
    await page.getByRole('heading', { name: 'Pause publishing', level: 1 }).waitFor();
    page.on('request', countPolls);
    // Absence cannot be awaited as a condition: watch for longer than one polling period.
    await page.waitForTimeout(4_000);
    page.off('request', countPolls);
    expect(polls, 'the left page still polls').toEqual([]);
    await page.getByLabel('Publish the held posts at once').check();
    await page.getByRole('button', { name: 'Resume publishing' }).click();
    await page.getByTestId('pause-notice').getByText('1 held posts are going out now').waitFor();
    await page.getByTestId('pause-state').getByText('Publishing runs.').waitFor();
    expect((await asBrowser().content.GET('/publishing/pause')).data?.paused).toBe(false);
    await page.getByTestId('pause-banner').waitFor({ state: 'detached' });
    await page.goto(at(`/content/posts/${postId}`));
    await page
      .getByTestId('publication-mastodon')
      .getByText('Published', { exact: true })
      .waitFor({ timeout: 30_000 });
    expect(mastodon.published().some((status) => status.text.includes('Held back'))).toBe(true);
  });
});
