import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  useBlueskyTestNetwork,
  type BlueskyTestNetwork,
  type TestAccount,
} from '@chorus/connector-bluesky/testing';
import { ConnectorHost } from '@chorus/connector-host';
import { silentLogger } from '@chorus/connector-sdk';
import { startEmbedded, type EmbeddedHost } from '@chorus/host';
import { launchChromium, type Chromium } from './support/chromium.js';
import { sessionClient } from './support/session-client.js';

// Issue #11, item 3: the whole publish flow of the console in real Chromium against the embedded host
// (`chorus start`'s code path) and the real local Bluesky network (PLC, PDS, AppView) the run shares: sign up
// through the wizard, connect the account with its app password, compose, send for approval, the client
// approves through the mailed link in a browser of their own, publish, and the post is on the network once.
const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const CONSOLE_BUILD = fileURLToPath(new URL('../../apps/console/build', import.meta.url));

const ADMIN = {
  name: 'Bea Bluesky',
  email: `bea-${randomUUID()}@example.test`,
  password: 'correct horse battery',
};
const CLIENT = { email: 'luca@client.example', name: 'Luca, Acme marketing' };
// 59 UTF-16 units, 71 bytes, 52 graphemes (the family emoji is one): Bluesky counts graphemes and bytes.
const POST_TEXT = 'Winter blend is back at the roastery ☕👩‍👩‍👧 #winterblend';
const POST_COUNTER = /^52 \/ 300 ?· 71 \/ 3000 bytes$/;

interface FeedPostRecord {
  readonly uri: string;
  readonly value: { readonly text: string };
}

describe(
  'publishing to the local Bluesky network from the console, in Chromium',
  { timeout: 120_000 },
  () => {
    let dataDir: string;
    let network: BlueskyTestNetwork;
    let account: TestAccount;
    let connectors: ConnectorHost;
    let host: EmbeddedHost;
    let chromium: Chromium;
    let page: Page;
    let workspaceId = '';
    let postId = '';

    beforeAll(async () => {
      if (!existsSync(join(CONSOLE_BUILD, 'index.html'))) {
        throw new Error(
          `No console build in ${CONSOLE_BUILD}: run \`npm run build -w @chorus/console\` first`,
        );
      }
      dataDir = await mkdtemp(join(tmpdir(), 'chorus-bluesky-publish-'));
      // A snapshot of the build: a rebuild of the console while the test runs must not swap files under it.
      const consoleDir = join(dataDir, 'console-build');
      await cp(CONSOLE_BUILD, consoleDir, { recursive: true });
      // The first user of the run's shared network starts it; the account is this file's own.
      network = await useBlueskyTestNetwork();
      account = await createTestAccount(network, 'acme');
      connectors = await ConnectorHost.start({
        root: REPOSITORY,
        discover: false,
        conditions: ['@chorus/source', 'import', 'default'],
        logger: silentLogger,
        connectors: [
          {
            resolve: '@chorus/connector-bluesky',
            // Every call on the local PDS, which has neither a video service nor the web for link cards.
            options: { serviceUrl: network.pdsUrl, resolvePds: false, video: 'pds', linkPreviews: false },
          },
        ],
      });
      host = await startEmbedded({
        connectors,
        allowPrivateNetworkTargets: true,
        dataDir,
        port: 0,
        host: '127.0.0.1',
        logLevel: 'warn',
        logSink: () => undefined,
        consoleDir,
      });
      chromium = await launchChromium();
      page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    }, 240_000);

    afterAll(async () => {
      await chromium?.close();
      await host?.close();
      await connectors?.close();
      await network?.release();
      if (dataDir !== undefined) {
        await rm(dataDir, { recursive: true, force: true });
      }
    });

    const at = (path: string): string => `${host.url}${path}`;
    const asBrowser = () => sessionClient(chromium.context, host.url, () => workspaceId);

    async function eventually<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const value = await read();
        if (value !== undefined) {
          return value;
        }
        if (Date.now() > deadline) {
          throw new Error(`gave up waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
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

    /** The account's posts as its PDS holds them (one page is plenty for a fresh account). */
    async function postsInRepository(): Promise<FeedPostRecord[]> {
      const url = new URL('/xrpc/com.atproto.repo.listRecords', network.pdsUrl);
      url.search = new URLSearchParams({
        repo: account.did,
        collection: 'app.bsky.feed.post',
        limit: '100',
      }).toString();
      const response = await fetch(url);
      expect(response.status, await response.clone().text()).toBe(200);
      return ((await response.json()) as { records: FeedPostRecord[] }).records;
    }

    it('signs up through the wizard and connects the Bluesky account with its app password', async () => {
      await page.goto(at('/sign-up'));
      await page.getByLabel('Agency name').fill('Acme Agency');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Brand or workspace name').fill('Acme Coffee');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Your name').fill(ADMIN.name);
      await page.getByLabel('E-mail').fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await page.getByRole('button', { name: 'Create the agency' }).click();
      await page.getByRole('heading', { name: 'First channel', level: 2 }).waitFor();
      await page.getByRole('button', { name: 'Skip for now' }).click();
      await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();

      await page.goto(at('/channels'));
      await page.getByTestId('channels-empty').waitFor();
      const form = page.getByTestId('connect-channel').last();
      await form.getByLabel('Network', { exact: true }).fill('bluesky');
      await form.getByRole('radio', { name: 'App password' }).check();
      await form.getByLabel('Handle or e-mail of the account').fill(account.handle);
      // The account's own password, not an app password: the network refuses it, and it shows under the field.
      const password = form.locator('#new-password');
      await password.fill(account.password);
      await form.getByRole('button', { name: 'Connect', exact: true }).click();
      await form.locator('#new-password-error').waitFor();
      expect(await form.getByLabel('Handle or e-mail of the account').inputValue()).toBe(account.handle);
      expect(await page.getByTestId('channels-empty').count()).toBe(1);

      await password.fill(account.appPassword);
      await form.getByRole('button', { name: 'Connect', exact: true }).click();
      const channel = page.getByTestId('channels').locator('li').first();
      await channel.getByText('Connected', { exact: true }).waitFor();
      expect(await channel.textContent()).toContain(`@${account.handle} · bluesky`);

      const me = await asBrowser().gateway.GET('/api/me');
      workspaceId = me.data!.workspaces[0]!.id;
      // The content service learns of the channel from the gateway's ChannelConnected event.
      await eventually(async () => {
        const { data } = await asBrowser().content.GET('/channels');
        return data?.items.find((item) => item.network === 'bluesky');
      }, 'the channel to reach the content service');
    });

    it('composes a post for the channel, sends it for approval, and the client approves it through the mailed link', async () => {
      // The console has no page for the approval workflow yet: the client's step and address go in through the API.
      const api = asBrowser();
      const workflow = await api.content.PUT('/approval-workflow', {
        body: { steps: [{ role: 'client-approver', mode: 'any' }] },
      });
      expect(workflow.response.status, JSON.stringify(workflow.error)).toBe(200);
      const contacts = await api.content.PUT('/approval-contacts', { body: { items: [CLIENT] } });
      expect(contacts.response.status, JSON.stringify(contacts.error)).toBe(200);

      await page.goto(at('/compose'));
      await page.getByRole('heading', { name: 'Compose a post', level: 1 }).waitFor();
      await page.getByRole('checkbox', { name: `@${account.handle} · bluesky` }).check();
      await page.getByLabel('Text (all channels)').fill(POST_TEXT);
      const counter = page.getByTestId('counter-bluesky').first();
      await expect.poll(async () => (await counter.textContent())?.trim()).toMatch(POST_COUNTER);
      expect(await page.getByTestId('preview-bluesky').textContent()).toContain('Winter blend is back');

      await page.getByRole('button', { name: 'Send for approval' }).click();
      await page.waitForURL(/\/content\/posts\/[\w-]+\?from=approval$/);
      postId = /posts\/([\w-]+)/.exec(page.url())![1]!;
      const approval = page.getByTestId('approval');
      await approval.getByText('Awaiting approval').waitFor();
      await approval.getByRole('button', { name: 'Mail the client an approval link' }).click();
      await approval.getByText(`The approval link is mailed to ${CLIENT.email}.`).waitFor();

      const mail = await eventually(() => mailTo(CLIENT.email), 'the approval link in the mail outbox');
      const link = /(\/approve\?token=[\w.-]+)/.exec(mail)?.[1];
      expect(link, mail).toBeDefined();

      // The client: a browser of their own, never signed in to Chorus.
      const client = await launchChromium();
      try {
        const clientPage = client.context.pages()[0] ?? (await client.context.newPage());
        expect(await client.context.cookies(host.url)).toEqual([]);
        await clientPage.goto(at(link!));
        await clientPage.getByTestId('link-post-text').getByText(POST_TEXT).waitFor();
        await clientPage.getByRole('button', { name: 'Approve' }).click();
        await clientPage.getByTestId('link-decided').waitFor();
      } finally {
        await client.close();
      }

      await page.reload();
      await page.getByTestId('approval-status').getByText('Approved').waitFor();
    });

    it('publishes the approved post: published with its link on its page, and on the Bluesky network once', async () => {
      expect(await postsInRepository()).toEqual([]);
      await page.goto(at(`/content/posts/${postId}`));
      await page.getByTestId('approval-status').getByText('Approved').waitFor();
      await page.getByRole('button', { name: 'Publish now' }).click();

      const target = page.getByTestId('publication-bluesky');
      await target.getByTestId('publication-state').getByText('Published').waitFor({ timeout: 60_000 });
      const href = await target.getByTestId('published-link').getAttribute('href');

      // The PDS holds the record once, with the text as written; the link opens that record.
      const records = (await postsInRepository()).filter((record) => record.value.text === POST_TEXT);
      expect(records).toHaveLength(1);
      const recordKey = records[0]!.uri.split('/').pop()!;
      expect(href).toBe(`https://bsky.app/profile/${account.handle}/post/${recordKey}`);

      // And the AppView, which every Bluesky client reads, shows it in the account's feed.
      await network.processAll();
      const feed = new URL('/xrpc/app.bsky.feed.getAuthorFeed', network.appViewUrl);
      feed.search = new URLSearchParams({ actor: account.did }).toString();
      const answer = await fetch(feed);
      expect(answer.status, await answer.clone().text()).toBe(200);
      const { feed: items } = (await answer.json()) as {
        feed: { post: { uri: string; record: { text: string } } }[];
      };
      expect(items.map((item) => [item.post.uri, item.post.record.text])).toEqual([
        [records[0]!.uri, POST_TEXT],
      ]);
    });
  },
);
