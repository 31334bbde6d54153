import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type EmbeddedHost } from '@chorus/host';
import { launchChromium, type Chromium } from './support/chromium.js';
import { horizontalOverflow, seriousAccessibilityViolations } from './support/page-checks.js';

// The strategy area of the console in real Chromium against the embedded host on a fresh data directory:
// a blank workspace from the sign-up wizard, a whole strategy built through the pages (identity, an
// audience, diagnosis evidence and the agency's thresholds, a goal with its KPI, the channel plan, the
// budget), the document exported as HTML and PDF, every page checked with axe and at 360 px, and Hebrew.
const CONSOLE_BUILD = fileURLToPath(new URL('../../apps/console/build', import.meta.url));
// Git-ignored (test-results/): screenshots of the strategy pages.
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/strategy', import.meta.url));

const ADMIN = {
  name: 'Sara Strategist',
  email: `sara-${randomUUID()}@example.test`,
  password: 'correct horse battery',
};

/** A day about four months ahead, as a date input takes it. */
const DEADLINE = new Date(Date.now() + 120 * 24 * 3600_000).toISOString().slice(0, 10);

describe('the strategy pages of the console in Chromium', { timeout: 60_000 }, () => {
  let dataDir: string;
  let host: EmbeddedHost;
  let chromium: Chromium;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(CONSOLE_BUILD, 'index.html'))) {
      throw new Error(`No console build in ${CONSOLE_BUILD}: run \`npm run build -w @chorus/console\` first`);
    }
    await mkdir(SCREENSHOTS, { recursive: true });
    dataDir = await mkdtemp(join(tmpdir(), 'chorus-strategy-'));
    // A snapshot of the build: a rebuild of the console while the test runs must not swap files under it.
    const consoleDir = join(dataDir, 'console-build');
    await cp(CONSOLE_BUILD, consoleDir, { recursive: true });
    host = await startEmbedded({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'warn',
      logSink: () => undefined,
      consoleDir,
    });
    chromium = await launchChromium();
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await host?.close();
    if (dataDir !== undefined) {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  const at = (path: string): string => `${host.url}${path}`;

  async function expectAccessible(name: string): Promise<void> {
    const violations = await seriousAccessibilityViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  async function open(path: string, heading: string): Promise<void> {
    await page.goto(at(path));
    try {
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('[role="status"]:has-text("Loading")').waitFor({ state: 'detached' });
    } catch (error) {
      // What the page showed instead, for the one reading the failure.
      await page.screenshot({
        path: join(SCREENSHOTS, `failed-${path.replaceAll('/', '_')}.png`),
        fullPage: true,
      });
      throw error;
    }
  }

  /** Waits until the status line under a form says it was saved. */
  const saved = (scope: Page | Locator, text: string | RegExp) =>
    scope.getByRole('status').filter({ hasText: text }).waitFor();

  it('starts from a blank workspace made by the first-run wizard', async () => {
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

    // The strategy is in the navigation, and empty: every part of the document says it is not written yet.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Strategy' }).click();
    await page.getByRole('heading', { name: 'Strategy document', level: 1 }).waitFor();
    const document = page.getByTestId('strategy-document');
    await document.getByText('No brand identity yet').waitFor();
    expect(await document.textContent()).toContain('No audiences yet');
    await page
      .getByRole('navigation', { name: 'Strategy sections' })
      .getByRole('link', { name: 'Budget' })
      .waitFor();
  });

  it('saves the brand identity as versions, with the API problem under its field', async () => {
    await open('/strategy/identity', 'Brand identity');
    await page.getByTestId('identity-version').getByText('No identity saved yet').waitFor();
    const form = page.getByTestId('identity-form');
    await form.getByLabel('Brand name').fill('Acme Coffee');
    await form.getByLabel('Value proposition').fill('Specialty coffee roasted the week you drink it');
    // No mission: the API refuses and names the field; what was typed stays.
    await form.getByRole('button', { name: 'Save a new version' }).click();
    await page.locator('#identity-mission-error').waitFor();
    // The keyboard is taken to the field to fix.
    await expect
      .poll(() => page.evaluate<string>('document.activeElement?.id ?? ""'))
      .toBe('identity-mission');
    expect(await form.getByLabel('Mission').getAttribute('aria-describedby')).toContain(
      'identity-mission-error',
    );
    expect(await form.getByLabel('Brand name').inputValue()).toBe('Acme Coffee');

    await form.getByLabel('Mission').fill('Make every morning coffee worth getting up for');
    await form.getByLabel('Differentiators').fill('Roasted in Milan\nDirect trade');
    await form.getByLabel('Tone adjectives').fill('warm\nconfident');
    await form.getByLabel('Words to avoid').fill('cheap');
    await form.getByLabel('Required hashtags').fill('#acmecoffee');
    await form.getByLabel('Emoji').selectOption('sparingly');
    await form.getByRole('button', { name: 'Save a new version' }).click();
    await saved(form, 'Version 1 is saved.');

    await form
      .getByLabel('Mission')
      .fill('Make every morning coffee worth getting up for, in Milan and beyond');
    await form.getByRole('button', { name: 'Save a new version' }).click();
    await saved(form, 'Version 2 is saved.');
    const versions = page.getByTestId('identity-versions').locator('tbody tr');
    await expect.poll(() => versions.count()).toBe(2);
    await page.getByRole('button', { name: 'Show version 1' }).click();
    const detail = page.getByTestId('identity-version-detail');
    expect(await detail.textContent()).toContain('Make every morning coffee worth getting up for');
    expect(await detail.textContent()).not.toContain('Milan and beyond');
  });

  it('adds an audience through the editor, field problems shown where they belong', async () => {
    await open('/strategy/audiences', 'Audiences');
    await page.getByTestId('audiences-empty').waitFor();
    const form = page.getByTestId('audience-form');
    await form.getByLabel('Name', { exact: true }).fill('Urban coffee lovers');
    await form.getByLabel('Priority').fill('5');
    await form.getByLabel('Buying stage').selectOption('consideration');
    await form.getByLabel('Youngest age').fill('25');
    await form.getByLabel('Oldest age').fill('45');
    await form.getByLabel('Locations').fill('it, Lombardy, Milan');
    await form.getByLabel('Languages').fill('Italian');
    await form.getByLabel('Interests').fill('specialty coffee\nbrunch');
    await form.getByLabel('Networks where they spend most time').fill('mastodon\ninstagram');
    await form.getByLabel('Networks they also use').fill('linkedin');
    await form.getByRole('button', { name: 'Save the audience' }).click();
    // "Italian" is not a language tag: the problem shows under the languages field.
    await page.locator('#audience-languages-error').waitFor();
    expect(await page.locator('#audience-languages-error').textContent()).toMatch(/BCP 47/);

    await form.getByLabel('Languages').fill('it');
    await form.getByRole('button', { name: 'Save the audience' }).click();
    await saved(form, 'Urban coffee lovers is saved.');
    const row = page.getByTestId('audiences').locator('li').first();
    await row.getByText('Urban coffee lovers').waitFor();
    expect(await row.textContent()).toContain('mastodon (primary)');
    expect(await row.textContent()).toContain('Consideration');
  });

  it('records diagnosis evidence, shows severity and recommendations, and edits the thresholds as admin', async () => {
    await open('/strategy/diagnosis', 'Diagnosis');
    const awareness = page.getByTestId('problem-brand-awareness');
    expect(await awareness.getByTestId('severity').textContent()).toContain('Not enough evidence');
    await awareness.getByLabel('Followers across channels').fill('800');
    await awareness.getByLabel('Accounts reached per month').fill('3000');
    await awareness.getByLabel('Branded searches per month').fill('50');
    await awareness.getByLabel('Share of voice in the market (%)').fill('3');
    await awareness.getByLabel('Notes').fill('Numbers from the December report');
    await awareness.getByRole('button', { name: 'Save the evidence' }).click();
    await saved(awareness, 'Saved; the severity is up to date.');
    expect(await awareness.getByTestId('severity').textContent()).toContain('High');
    const findings = awareness.getByTestId('findings');
    expect(await findings.locator('li').first().textContent()).toContain('Critical');
    // The problem shows: the playbook recommends goals with their KPIs, channels and actions.
    const recommendations = awareness.getByTestId('recommendations');
    expect(await recommendations.textContent()).toContain('reach');

    // The agency admin lowers the followers thresholds: 800 becomes a warning, no longer critical.
    const playbook = page.getByTestId('playbook-brand-awareness');
    await playbook.locator('summary').click();
    await page.locator('#playbook-brand-awareness-followers-warning').fill('900');
    await page.locator('#playbook-brand-awareness-followers-critical').fill('500');
    await playbook.getByRole('button', { name: 'Save for the whole agency' }).click();
    await saved(playbook, "The agency's playbook is updated");
    await expect
      .poll(() => findings.locator('li', { hasText: 'Followers across channels' }).textContent())
      .toContain('Warning');
    expect(await awareness.textContent()).toContain("From your agency's playbook.");

    // A threshold on the wrong side is refused by field, and nothing changes.
    await page.locator('#playbook-brand-awareness-followers-critical').fill('2000');
    await playbook.getByRole('button', { name: 'Save for the whole agency' }).click();
    await page.locator('#playbook-brand-awareness-followers-critical-error').waitFor();
  });

  it('sets a goal with its KPI, pauses and resumes it, and retires another', async () => {
    await open('/strategy/goals', 'Goals and KPIs');
    await page.getByTestId('goals-empty').waitFor();
    const form = page.getByTestId('goal-form');
    async function setGoal(title: string, metric: string, baseline: string, target: string): Promise<void> {
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Metric (the KPI)').selectOption(metric);
      await form.getByLabel('Baseline (today)').fill(baseline);
      await form.getByLabel('Target', { exact: true }).fill(target);
      await form.getByLabel('Deadline').fill(DEADLINE);
      await form.getByRole('button', { name: 'Set the goal' }).click();
    }
    // The target must move in the metric's better direction: refused under the target field.
    await form.getByLabel('Urban coffee lovers').check();
    await setGoal('Reach more coffee lovers', 'reach', '3000', '1000');
    await page.locator('#goal-target-error').waitFor();
    await form.getByLabel('Target', { exact: true }).fill('20000');
    await form.getByRole('button', { name: 'Set the goal' }).click();
    await saved(form, 'Reach more coffee lovers is saved.');

    await setGoal('Grow followers on Mastodon', 'followers', '800', '1500');
    await saved(form, 'Grow followers on Mastodon is saved.');

    const goals = page.getByTestId('goals');
    const reach = goals.locator('li', { hasText: 'Reach more coffee lovers' });
    expect(await reach.textContent()).toContain('reach: from 3,000 to 20,000');
    await reach.getByRole('button', { name: 'Pause' }).click();
    await reach.getByText('Paused', { exact: true }).waitFor();
    await reach.getByRole('button', { name: 'Resume' }).click();
    await reach.getByText('Active', { exact: true }).waitFor();

    const followers = goals.locator('li', { hasText: 'Grow followers on Mastodon' });
    await followers.getByLabel('Why Grow followers on Mastodon is retired').selectOption('abandoned');
    await followers.getByRole('button', { name: 'Retire' }).click();
    await followers.getByText('Retired', { exact: true }).waitFor();
    expect(await followers.textContent()).toContain('Abandoned');
  });

  it('plans the channels: cadence, pillars that must make 100 %, and the fit score with its factors', async () => {
    await open('/strategy/channels', 'Channel plan');
    const form = page.getByTestId('channel-plan-form');
    await form.getByLabel('Team hours a week for social').fill('20');
    await form.locator('#plan-channel-0-network').fill('mastodon');
    await form.locator('#plan-channel-0-posts').fill('3');
    await form.locator('#plan-channel-0-community').fill('2');
    await form.getByRole('button', { name: 'Add a network' }).click();
    await form.locator('#plan-channel-1-network').fill('instagram');
    await form.locator('#plan-channel-1-posts').fill('2');
    await form.locator('#plan-pillar-0-name').fill('Coffee craft');
    await form.locator('#plan-pillar-0-share').fill('60');
    await form.getByRole('button', { name: 'Add a pillar' }).click();
    await form.locator('#plan-pillar-1-name').fill('Community stories');
    await form.locator('#plan-pillar-1-share').fill('30');
    await form.getByRole('button', { name: 'Save the channel plan' }).click();
    // 60 + 30: the API says the shares must make 100 %.
    await page.locator('#pillars-error').getByText('100 %').waitFor();

    await form.locator('#plan-pillar-1-share').fill('40');
    await form.getByRole('button', { name: 'Save the channel plan' }).click();
    await saved(form, 'The channel plan is saved');
    const mastodon = page.getByTestId('channel-scores').locator('li', { hasText: 'mastodon' }).first();
    // The audience is primarily on Mastodon (priority 5), and so are the active goal's: a high score.
    const score = Number((await mastodon.getByTestId('fit-score').textContent())?.match(/(\d+)\/100/)?.[1]);
    expect(score).toBeGreaterThan(70);
    const factors = await mastodon.locator('tbody tr').allTextContents();
    expect(factors.join('\n')).toMatch(/Audience presence[\s\S]*Goal alignment[\s\S]*Team capacity/);
    // LinkedIn is where the audience also is, though not planned: it is scored too.
    await page
      .getByTestId('channel-scores')
      .locator('li', { hasText: 'linkedin' })
      .getByText('Not planned')
      .waitFor();
    expect(await page.getByTestId('pillars').textContent()).toContain('Community stories');
  });

  it('builds the budget: team, tools, paid media per month, expected return; totals and P&L', async () => {
    await open('/strategy/budget', 'Budget');
    const form = page.getByTestId('budget-form');
    await form.getByLabel('Currency').fill('EUR');
    await form.getByLabel('First month').fill('2027-01');
    await form.getByLabel('Number of months').fill('3');
    await form.getByRole('button', { name: 'Add a team member' }).click();
    await form.getByLabel('Role').fill('Strategist');
    await form.getByLabel('Hours a month').fill('20');
    await form.getByLabel('Hourly rate').fill('50');
    await form.getByRole('button', { name: 'Add a tool' }).click();
    await form.getByLabel('Tool', { exact: true }).fill('Scheduling suite');
    await form.getByLabel('Cost a month').fill('29.90');
    await form.getByRole('button', { name: 'Add paid media' }).click();
    await form.locator('#budget-media-0-network').fill('instagram');
    await form.locator('#budget-media-0-month').fill('2027-05');
    await form.locator('#budget-media-0-amount').fill('300');
    await form.getByRole('button', { name: 'Add an expected return' }).click();
    await form.locator('#budget-return-0-goal').selectOption({ label: 'Reach more coffee lovers' });
    await form.locator('#budget-return-0-amount').fill('5000');
    await form.locator('#budget-return-0-rationale').fill('Two new cafés supplied');
    await form.getByRole('button', { name: 'Save the budget' }).click();
    // May is outside a plan of January to March: refused under the month of that line.
    await page.locator('#budget-media-0-month-error').getByText('outside the plan').waitFor();

    await form.locator('#budget-media-0-month').fill('2027-02');
    await form.getByRole('button', { name: 'Save the budget' }).click();
    await saved(form, 'The budget is saved.');
    // 3 x (20 h x €50 + €29.90) + €300 of paid media.
    expect(await page.getByTestId('total-cost').textContent()).toBe('€3,389.70');
    expect(await page.getByTestId('expected-roi').textContent()).toBe('47.5%');
    const months = page.getByTestId('budget-months').locator('tbody tr');
    expect(await months.count()).toBe(3);
    expect(await months.nth(1).textContent()).toContain('€300.00');
    const pnl = page.getByTestId('profit-and-loss');
    expect(await pnl.locator('tbody tr').count()).toBe(4);
    expect(await pnl.textContent()).toContain('No actuals yet');
  });

  it('shows the whole strategy as a document and exports it as HTML and PDF', async () => {
    await open('/strategy', 'Strategy document');
    const document = page.getByTestId('strategy-document');
    await document.getByText('Social media strategy: Acme Coffee').waitFor();
    const shown = (await document.textContent()) ?? '';
    for (const part of [
      'Urban coffee lovers',
      'Reach more coffee lovers',
      'Coffee craft',
      'Strategist',
      'mastodon',
    ]) {
      expect(shown).toContain(part);
    }

    const [htmlDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-html').click(),
    ]);
    expect(htmlDownload.suggestedFilename()).toBe('strategy.html');
    const html = await readFile(await htmlDownload.path(), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    for (const part of [
      'Acme Coffee',
      'in Milan and beyond',
      'Urban coffee lovers',
      'Reach more coffee lovers',
      'Scheduling suite',
    ]) {
      expect(html).toContain(part);
    }

    const [pdfDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-pdf').click(),
    ]);
    expect(pdfDownload.suggestedFilename()).toBe('strategy.pdf');
    const pdf = await readFile(await pdfDownload.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
    // The brand's document (its title in the PDF's information) in the embedded DejaVu font, over pages.
    const pdfText = pdf.toString('latin1');
    expect(pdfText).toContain('Social media strategy: Acme Coffee');
    expect(pdfText).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect((pdfText.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
  });

  // Each page with what shows once its data is read: axe and the width check run on the page as it is used.
  const PAGES = [
    { name: 'document', path: '/strategy', heading: 'Strategy document', ready: 'strategy-document' },
    { name: 'identity', path: '/strategy/identity', heading: 'Brand identity', ready: 'identity-versions' },
    { name: 'audiences', path: '/strategy/audiences', heading: 'Audiences', ready: 'audiences' },
    {
      name: 'diagnosis',
      path: '/strategy/diagnosis',
      heading: 'Diagnosis',
      ready: 'playbook-brand-awareness',
    },
    { name: 'goals', path: '/strategy/goals', heading: 'Goals and KPIs', ready: 'goals' },
    { name: 'channels', path: '/strategy/channels', heading: 'Channel plan', ready: 'channel-scores' },
    { name: 'budget', path: '/strategy/budget', heading: 'Budget', ready: 'budget-months' },
  ];

  for (const { name, path, heading, ready } of PAGES) {
    it(`serves the ${name} page accessible, and 360 px wide without sideways scrolling`, async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await open(path, heading);
      await page.getByTestId(ready).first().waitFor();
      await expectAccessible(name);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

      await page.setViewportSize({ width: 360, height: 740 });
      expect(await horizontalOverflow(page), `${name} scrolls sideways at 360 px`).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-360.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  }

  it('keeps the playbook editor, the densest form, accessible and 360 px wide when open', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open('/strategy/diagnosis', 'Diagnosis');
    await page.getByTestId('playbook-brand-awareness').locator('summary').click();
    await page.locator('#playbook-brand-awareness-followers-warning').waitFor();
    expect(await horizontalOverflow(page), 'the playbook editor scrolls sideways at 360 px').toBe(0);
    await expectAccessible('diagnosis, playbook editor open');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('turns the strategy pages right to left in Hebrew', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await open('/strategy', 'Strategy document');
    await page.getByTestId('language').first().selectOption('he');
    await page.getByRole('heading', { name: 'מסמך האסטרטגיה', level: 1 }).waitFor();
    expect(
      await page.evaluate<string[]>('[document.documentElement.dir, document.documentElement.lang]'),
    ).toEqual(['rtl', 'he']);
    // Logical CSS properties: the main navigation moves to the right, the sections start at the right.
    const nav = await page.getByRole('navigation', { name: 'ראשי' }).boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(nav!.x).toBeGreaterThan(main!.x);
    const sections = page.getByRole('navigation', { name: 'חלקי האסטרטגיה' }).locator('li');
    const first = await sections.first().boundingBox();
    const second = await sections.nth(1).boundingBox();
    expect(first!.x).toBeGreaterThan(second!.x);
    // The document itself is English (as the API writes it) and keeps its own direction.
    expect(
      await page.evaluate<string>(
        `getComputedStyle(document.querySelector('[data-testid="strategy-document"]')).direction`,
      ),
    ).toBe('ltr');
    await expectAccessible('document, Hebrew');
    await page.screenshot({ path: join(SCREENSHOTS, 'document-he.png'), fullPage: true });

    await page.getByRole('link', { name: 'תקציב' }).click();
    await page.getByRole('heading', { name: 'תקציב', level: 1 }).waitFor();
    await page.getByTestId('total-cost').waitFor();
    await expectAccessible('budget, Hebrew');
    await page.screenshot({ path: join(SCREENSHOTS, 'budget-he.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await horizontalOverflow(page), 'the Hebrew budget scrolls sideways at 360 px').toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Italian is complete too.
    await page.getByTestId('language').first().selectOption('it');
    await page.getByRole('heading', { name: 'Budget', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Sezioni della strategia' })
      .getByRole('link', { name: 'Obiettivi e KPI' })
      .click();
    await page.getByRole('heading', { name: 'Obiettivi e KPI', level: 1 }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.dir')).toBe('ltr');
    await page.getByTestId('language').first().selectOption('en');
  });

  it('says so when the connection drops while saving, and keeps what was typed', async () => {
    await open('/strategy/goals', 'Goals and KPIs');
    await page.getByTestId('goals').waitFor();
    const form = page.getByTestId('goal-form');
    await form.getByLabel('Title').fill('Grow newsletter sign-ups');
    await form.getByLabel('Metric (the KPI)').selectOption('leads');
    await form.getByLabel('Baseline (today)').fill('40');
    await form.getByLabel('Target', { exact: true }).fill('120');
    await form.getByLabel('Deadline').fill(DEADLINE);
    // The request never reaches the server, as when the network goes away.
    const goalsUrl = /\/api\/strategy\/goals$/;
    await page.route(goalsUrl, (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
    );
    try {
      await form.getByRole('button', { name: 'Set the goal' }).click();
      await form.getByRole('alert').filter({ hasText: 'The server could not be reached' }).waitFor();
    } finally {
      await page.unroute(goalsUrl);
    }
    expect(await form.getByLabel('Title').inputValue()).toBe('Grow newsletter sign-ups');
    expect(await form.getByRole('button', { name: 'Set the goal' }).isEnabled()).toBe(true);

    // Back online, the same form goes through as it was.
    await form.getByRole('button', { name: 'Set the goal' }).click();
    await saved(form, 'Grow newsletter sign-ups is saved.');
    await page.getByTestId('goals').locator('li', { hasText: 'Grow newsletter sign-ups' }).waitFor();
  });

  it('refuses to delete an audience that a goal aims at, and says why', async () => {
    await open('/strategy/audiences', 'Audiences');
    const row = page.getByTestId('audiences').locator('li', { hasText: 'Urban coffee lovers' });
    await row.getByRole('button', { name: 'Delete' }).click();
    // The 409 stays on screen after the list is read again, and the audience is still there.
    await page
      .getByTestId('audience-action-problem')
      .getByText('A goal still aims at this audience')
      .waitFor();
    await row.waitFor();
    expect(await page.getByTestId('audience-action-problem').textContent()).toContain(
      'A goal still aims at this audience',
    );
  });
});
