import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@chorus/contracts';
import type { GoalRepository } from '../src/application/ports/goal-repository.port.js';
import { StrategyConflictError } from '../src/domain/strategy.errors.js';
import { GOAL_REPOSITORY } from '../src/strategy.tokens.js';
import { StrategyTestService, type Caller } from './support/strategy-test-service.js';
import {
  audienceBody,
  budgetBody,
  channelPlanBody,
  goalBody,
  identityBody,
  inDays,
} from './support/strategy-fixtures.js';

// The strategy service over HTTP, with its events relayed from the outbox: on the real PostgreSQL (distributed
// mode) and on in-memory PGlite (embedded mode), which serialises transactions and behaves differently under load.

interface Problem {
  message: string;
  problems: { field: string; problem: string }[];
}

describe.each(['postgres', 'pglite'] as const)('strategy service API on %s', (kind) => {
  let s: StrategyTestService;
  const agency: Caller = StrategyTestService.newCaller(['admin']);
  const strategist: Caller = { ...agency, roles: ['strategist'] };
  const ofWorkspace = (e: EventEnvelope) => e.workspaceId === agency.workspaceId;

  beforeAll(async () => {
    s = await StrategyTestService.start(kind);
  }, 60_000);

  afterAll(async () => {
    await s?.stop();
  });

  /** A 400 that names the field, after which the state and the emitted events are as before. */
  async function refused(
    method: 'POST' | 'PUT' | 'PATCH',
    url: string,
    body: unknown,
    field: string,
    readBack: string,
  ): Promise<Problem> {
    const before = await s.call(agency, 'GET', readBack);
    const eventsBefore = await s.settledEventCount();
    const response = await s.call<Problem>(agency, method, url, body);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.problems.map((p) => p.field)).toContain(field);
    expect(response.body.message).toContain(field);
    const after = await s.call(agency, 'GET', readBack);
    expect(after.status).toBe(before.status);
    expect(after.body).toEqual(before.body);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(s.delivered.length).toBe(eventsBefore);
    return response.body;
  }

  describe('brand identity', () => {
    it('keeps every save as a version and emits BrandVoiceChanged when the voice rules change', async () => {
      const first = await s.call(agency, 'PUT', '/brand-identity', identityBody());
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({ version: 1, brandName: 'Acme Coffee' });

      const second = await s.call(agency, 'PUT', '/brand-identity', {
        ...identityBody(),
        mission: 'Better coffee',
      });
      expect(second.body).toMatchObject({ version: 2, mission: 'Better coffee' });
      const third = await s.call(agency, 'PUT', '/brand-identity', {
        ...identityBody(),
        voice: { ...identityBody().voice, wordsToAvoid: ['cheap', 'bargain'] },
      });
      expect(third.body).toMatchObject({ version: 3 });

      expect((await s.call(agency, 'GET', '/brand-identity')).body).toMatchObject({ version: 3 });
      const history = await s.call<{ items: { version: number }[] }>(
        agency,
        'GET',
        '/brand-identity/versions',
      );
      expect(history.body.items.map((v) => v.version)).toEqual([3, 2, 1]);
      expect((await s.call(agency, 'GET', '/brand-identity/versions/1')).body).toMatchObject({
        mission: 'Good coffee for every desk',
      });

      const voices = await s.eventsMatching((e) => ofWorkspace(e) && e.type === 'BrandVoiceChanged', 2);
      expect(voices.map((e) => (e.payload as { identityVersion: number }).identityVersion)).toEqual([1, 3]);
      expect(voices[1]!.payload).toMatchObject({
        wordsToAvoid: ['cheap', 'bargain'],
        requiredHashtags: ['acmecoffee'],
        maxLengthGuidance: 280,
        hashtagPolicy: { maxPerPost: 3, placement: 'end-of-text' },
      });
    });

    it('refuses a word both to use and to avoid', async () => {
      const bad = { ...identityBody(), voice: { ...identityBody().voice, wordsToAvoid: ['fresh'] } };
      await refused('PUT', '/brand-identity', bad, 'voice.wordsToAvoid', '/brand-identity/versions');
    });
  });

  let officeManagers: string;
  let developers: string;

  describe('audiences', () => {
    it('stores personas with sub-targets per product line, shaped for targeting', async () => {
      const created = await s.call<{ id: string }>(
        agency,
        'POST',
        '/audiences',
        audienceBody('Office managers', [{ network: 'instagram', presence: 'primary' }], 4),
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      officeManagers = created.body.id;
      expect(created.body).toMatchObject({
        demographics: {
          ageMin: 28,
          locations: [{ country: 'IT', city: 'Milano' }],
          languages: ['it', 'en-GB'],
        },
        subTargets: [
          { key: 'beans-subscription', productLine: 'Beans subscription', buyingStage: 'decision' },
        ],
      });
      const dev = await s.call<{ id: string }>(
        agency,
        'POST',
        '/audiences',
        audienceBody(
          'Developers',
          [
            { network: 'linkedin', presence: 'primary' },
            { network: 'mastodon', presence: 'secondary' },
          ],
          1,
        ),
      );
      developers = dev.body.id;
      const list = await s.call<{ items: { name: string }[] }>(agency, 'GET', '/audiences');
      expect(list.body.items.map((a) => a.name)).toEqual(['Office managers', 'Developers']);
    });

    it('refuses an age range upside down, naming the field', async () => {
      const bad = audienceBody('Broken', []);
      bad.demographics.ageMin = 50;
      await refused('POST', '/audiences', bad, 'demographics.ageMax', '/audiences');
    });
  });

  let reachGoal: string;

  describe('goals and KPIs', () => {
    it('refuses an unknown metric, a target equal to the baseline or moving the wrong way, and a past deadline', async () => {
      const unknown = await refused('POST', '/goals', goalBody({ metric: 'vibes' }), 'metric', '/goals');
      expect(unknown.message).toContain("unknown metric 'vibes'");
      await refused(
        'POST',
        '/goals',
        goalBody({ target: { unit: 'count', value: 10_000 } }),
        'target',
        '/goals',
      );
      const wrongWay = await refused(
        'POST',
        '/goals',
        goalBody({ target: { unit: 'count', value: 5_000 } }),
        'target',
        '/goals',
      );
      expect(wrongWay.message).toContain('reach is better when it goes up');
      await refused(
        'POST',
        '/goals',
        goalBody({
          metric: 'bounce-rate',
          baseline: { unit: 'percent', value: 60 },
          target: { unit: 'percent', value: 70 },
        }),
        'target',
        '/goals',
      );
      await refused('POST', '/goals', goalBody({ deadline: inDays(-1) }), 'deadline', '/goals');
      await refused(
        'POST',
        '/goals',
        goalBody({ scope: { audienceIds: [agency.userId] } }),
        'scope.audienceIds.0',
        '/goals',
      );
    });

    it('sets, changes and retires goals, emitting GoalSet, GoalChanged and GoalRetired through the outbox', async () => {
      const set = await s.call<{ id: string }>(
        agency,
        'POST',
        '/goals',
        goalBody({ scope: { channelIds: [], audienceIds: [officeManagers] } }),
      );
      expect(set.status, JSON.stringify(set.body)).toBe(201);
      reachGoal = set.body.id;
      const other = await s.call<{ id: string }>(agency, 'POST', '/goals', goalBody({ title: 'Temporary' }));

      const changed = await s.call(agency, 'PATCH', `/goals/${reachGoal}`, {
        target: { unit: 'count', value: 50_000 },
        status: 'paused',
      });
      expect(changed.body).toMatchObject({ revision: 2, status: 'paused', target: { value: 50_000 } });
      await s.call(agency, 'PATCH', `/goals/${reachGoal}`, { status: 'active' });

      const retired = await s.call(agency, 'POST', `/goals/${other.body.id}/retire`, {
        reason: 'replaced',
        replacedByGoalId: reachGoal,
      });
      expect(retired.body).toMatchObject({ status: 'retired', retirement: { reason: 'replaced' } });
      const again = await s.call(agency, 'PATCH', `/goals/${other.body.id}`, { title: 'Back' });
      expect(again.status).toBe(409);

      const events = await s.eventsMatching((e) => ofWorkspace(e) && e.type.startsWith('Goal'), 5);
      const mine = events.map((e) => [e.type, (e.payload as { goalId: string }).goalId]);
      expect(mine).toEqual([
        ['GoalSet', reachGoal],
        ['GoalSet', other.body.id],
        ['GoalChanged', reachGoal],
        ['GoalChanged', reachGoal],
        ['GoalRetired', other.body.id],
      ]);
      expect(events[2]!.payload).toMatchObject({
        revision: 2,
        changedFields: ['target', 'status'],
        status: 'paused',
      });
    });

    it('refuses a change moving the target the wrong way, and keeps the goal', async () => {
      await refused(
        'PATCH',
        `/goals/${reachGoal}`,
        { target: { unit: 'count', value: 1 } },
        'target',
        `/goals/${reachGoal}`,
      );
    });

    it('refuses to store a change made on a stale copy of the goal', async () => {
      const goals = s.service.app.get<GoalRepository>(GOAL_REPOSITORY);
      const mine = (await goals.findById(agency.tenantId, agency.workspaceId, reachGoal))!;
      const theirs = (await goals.findById(agency.tenantId, agency.workspaceId, reachGoal))!;
      theirs.change({ title: 'Their title' }, new Date());
      await goals.save(theirs);
      mine.change({ title: 'My title' }, new Date());
      await expect(goals.save(mine)).rejects.toThrow(StrategyConflictError);
      expect((await s.call(agency, 'GET', `/goals/${reachGoal}`)).body).toMatchObject({
        title: 'Their title',
      });
    });

    it('lists the metric vocabulary with units and directions', async () => {
      const metrics = await s.call<{ items: { key: string; direction: string }[] }>(
        agency,
        'GET',
        '/metrics',
      );
      expect(metrics.body.items).toContainEqual(
        expect.objectContaining({ key: 'video-views', direction: 'increase' }),
      );
      expect(metrics.body.items).toContainEqual(
        expect.objectContaining({ key: 'bounce-rate', direction: 'decrease' }),
      );
    });
  });

  describe('diagnosis', () => {
    interface Diagnosis {
      problems: {
        problem: string;
        severity: { level: string };
        recommendations: { goals: { title: string }[] } | null;
        playbookSource: string;
      }[];
    }
    const awareness = (d: Diagnosis) => d.problems.find((p) => p.problem === 'brand-awareness')!;

    it('computes severity from evidence and recommends goals from the seeded playbook', async () => {
      const initial = await s.call<Diagnosis>(agency, 'GET', '/diagnosis');
      expect(initial.body.problems).toHaveLength(7);
      expect(awareness(initial.body).severity.level).toBe('unknown');

      const recorded = await s.call(agency, 'PUT', '/diagnosis/problems/brand-awareness', {
        evidence: { followers: 800, monthlyReach: 3000, brandedSearches: 40, shareOfVoice: null },
        notes: 'Counted by hand in November',
      });
      expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
      expect(recorded.body).toMatchObject({ severity: { level: 'high' }, playbookSource: 'seed' });
      expect(
        (recorded.body as unknown as Diagnosis['problems'][0]).recommendations!.goals.map((g) => g.title),
      ).toEqual(['Reach more people every month', 'Grow the follower base']);
    });

    it("follows the agency's edited playbook: new thresholds and new recommendations", async () => {
      const playbook = await s.call<{
        entries: { problem: string; thresholds: object; recommendations: object }[];
      }>(agency, 'GET', '/diagnosis-playbook');
      const seed = playbook.body.entries.find((e) => e.problem === 'brand-awareness')!;
      const edited = {
        thresholds: {
          ...seed.thresholds,
          followers: { warning: 500, critical: 100 },
          monthlyReach: { warning: 2000, critical: 1000 },
          brandedSearches: { warning: 30, critical: 10 },
        },
        recommendations: {
          goals: [
            { title: 'Win local press coverage', metric: 'share-of-voice', kpis: ['reach'] },
            { title: 'Grow video views', metric: 'video-views', kpis: ['impressions'] },
          ],
          channels: ['tiktok'],
          contentPillars: ['Local heroes'],
          actions: ['Pitch three local journalists a month'],
        },
      };
      expect(
        (await s.call(strategist, 'PUT', '/diagnosis-playbook/problems/brand-awareness', edited)).status,
      ).toBe(403);
      const saved = await s.call(agency, 'PUT', '/diagnosis-playbook/problems/brand-awareness', edited);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);

      const after = awareness((await s.call<Diagnosis>(agency, 'GET', '/diagnosis')).body);
      expect(after.playbookSource).toBe('agency');
      expect(after.severity.level).toBe('none');
      // With stricter thresholds the problem shows again, with the agency's recommendations.
      await s.call(agency, 'PUT', '/diagnosis/problems/brand-awareness', {
        evidence: { followers: 300, monthlyReach: 3000, brandedSearches: 40 },
      });
      const shown = awareness((await s.call<Diagnosis>(agency, 'GET', '/diagnosis')).body);
      expect(shown.severity.level).toBe('low');
      expect(shown.recommendations!.goals.map((g) => g.title)).toEqual([
        'Win local press coverage',
        'Grow video views',
      ]);
    });

    it('refuses a playbook entry with one recommended goal, and unknown evidence', async () => {
      const playbook = await s.call<{ entries: { problem: string; thresholds: object }[] }>(
        agency,
        'GET',
        '/diagnosis-playbook',
      );
      const loyalty = playbook.body.entries.find((e) => e.problem === 'customer-loyalty')!;
      await refused(
        'PUT',
        '/diagnosis-playbook/problems/customer-loyalty',
        {
          thresholds: loyalty.thresholds,
          recommendations: {
            goals: [{ title: 'One', metric: 'reach', kpis: [] }],
            channels: [],
            contentPillars: [],
          },
        },
        'recommendations.goals',
        '/diagnosis-playbook',
      );
      await refused(
        'PUT',
        '/diagnosis/problems/customer-loyalty',
        { evidence: { mood: 3 } },
        'evidence.mood',
        '/diagnosis',
      );
    });
  });

  describe('channel plan', () => {
    it('refuses a content mix that does not add up to 100 %, storing nothing', async () => {
      const body = await refused(
        'PUT',
        '/channel-plan',
        channelPlanBody([60, 30]),
        'pillars',
        '/channel-plan',
      );
      expect(body.message).toBe('Invalid body: pillars: shares add up to 90 %; they must add up to 100 %');
    });

    it('scores every network with each factor shown, planned and candidate', async () => {
      const saved = await s.call<{
        channels: {
          network: string;
          planned: boolean;
          fit: { score: number; factors: { name: string; value: number }[] };
        }[];
      }>(agency, 'PUT', '/channel-plan', channelPlanBody());
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const byNetwork = new Map(saved.body.channels.map((c) => [c.network, c]));
      expect([...byNetwork.keys()].sort()).toEqual(['instagram', 'linkedin', 'mastodon']);
      // Audiences: office managers (priority 4) on instagram, developers (1) on linkedin and mastodon (secondary).
      // Active goal: reach, aimed at the office managers. Team: 20 h/week.
      const instagram = byNetwork.get('instagram')!;
      expect(instagram.fit.factors.map((f) => [f.name, f.value])).toEqual([
        ['audience-presence', 0.8],
        ['goal-alignment', 1],
        ['team-capacity', 0.6],
      ]);
      expect(instagram.fit.score).toBe(Math.round(100 * (0.5 * 0.8 + 0.3 * 1 + 0.2 * 0.6)));
      expect(byNetwork.get('mastodon')!.planned).toBe(false);
      expect(saved.body.channels[0]!.network).toBe('instagram');
    });
  });

  describe('budget plan and profit and loss', () => {
    it('refuses a negative budget, naming the field, and expected returns for unknown goals', async () => {
      const negative = budgetBody(reachGoal, { tools: [{ name: 'x', monthlyCostMinor: -100 }] });
      const body = await refused('PUT', '/budget-plan', negative, 'tools.0.monthlyCostMinor', '/budget-plan');
      expect(body.message).toContain('must not be negative');
      await refused(
        'PUT',
        '/budget-plan',
        budgetBody(agency.userId),
        'expectedReturns.0.goalId',
        '/budget-plan',
      );
    });

    it('totals team, tools and paid media, with the expected return per goal', async () => {
      const saved = await s.call<{
        totals: { teamMonthlyMinor: number; totalCostMinor: number; expectedRoi: number };
        returnsByGoal: { title: string; amountMinor: number }[];
      }>(agency, 'PUT', '/budget-plan', budgetBody(reachGoal));
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.totals.teamMonthlyMinor).toBe(60_000);
      expect(saved.body.totals.totalCostMinor).toBe(3 * (60_000 + 1200) + 50_000);
      expect(saved.body.returnsByGoal).toEqual([
        expect.objectContaining({ title: 'Their title', amountMinor: 300_000 }),
      ]);
    });
  });

  describe('the strategy document', () => {
    it('prints the whole plan as HTML, escaping what users entered', async () => {
      await s.call(agency, 'PUT', '/brand-identity', identityBody('Acme <b>Coffee</b> & "Co"'));
      const html = await s.call(agency, 'GET', '/strategy-document/html');
      expect(html.status).toBe(200);
      expect(String(html.headers['content-type'])).toContain('text/html');
      const text = html.raw.toString('utf8');
      expect(text).toContain('Acme &lt;b&gt;Coffee&lt;/b&gt; &amp; &quot;Co&quot;');
      expect(text).not.toContain('<b>Coffee</b>');
      for (const section of [
        '1. Brand identity',
        '2. Audiences',
        '3. Diagnosis',
        '4. Goals and KPIs',
        '5. Channel plan',
        '6. Budget',
      ]) {
        expect(text).toContain(section);
      }
      expect(text).toContain('Office managers');
      expect(text).toContain('Brewing tips');
      expect(text).toContain('Win local press coverage');
    });

    it('leaves the budget (team rates) out for a role that may not see it', async () => {
      const contentManager: Caller = { ...agency, roles: ['content-manager'] };
      expect((await s.call(contentManager, 'GET', '/budget-plan')).status).toBe(403);
      expect((await s.call(contentManager, 'PUT', '/budget-plan', budgetBody(reachGoal))).status).toBe(403);

      const full = (await s.call(strategist, 'GET', '/strategy-document/html')).raw.toString('utf8');
      expect(full).toContain('Design tool');
      const withheld = (await s.call(contentManager, 'GET', '/strategy-document/html')).raw.toString('utf8');
      expect(withheld).toContain('6. Budget');
      expect(withheld).toContain('not shown to your role');
      expect(withheld).not.toContain('Design tool');
      expect(withheld).not.toContain('Profit and loss');
    });

    it('exports the same plan as a PDF without a browser', async () => {
      const pdf = await s.call(agency, 'GET', '/strategy-document/pdf');
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.raw.length).toBeGreaterThan(2000);
    });
  });

  describe('tenant isolation', () => {
    it('shows another agency nothing of this one', async () => {
      const stranger = { ...StrategyTestService.newCaller(['admin']), workspaceId: agency.workspaceId };
      expect((await s.call(stranger, 'GET', '/goals')).body).toEqual({ items: [] });
      expect((await s.call(stranger, 'GET', `/goals/${reachGoal}`)).status).toBe(404);
      expect((await s.call(stranger, 'GET', '/audiences')).body).toEqual({ items: [] });
      expect((await s.call(stranger, 'GET', `/audiences/${developers}`)).status).toBe(404);
      expect((await s.call(stranger, 'GET', '/brand-identity')).status).toBe(404);
      expect((await s.call(stranger, 'GET', '/channel-plan')).status).toBe(404);
      expect((await s.call(stranger, 'GET', '/budget-plan')).status).toBe(404);
      const playbook = await s.call<{ entries: { source: string }[] }>(
        stranger,
        'GET',
        '/diagnosis-playbook',
      );
      expect(playbook.body.entries.every((e) => e.source === 'seed')).toBe(true);
      // Row-level security itself, not only the queries' filters: the stranger's role reads no row at all.
      const tables = [
        'goal',
        'brand_identity_version',
        'audience',
        'diagnosis_evidence',
        'diagnosis_playbook_entry',
        'channel_plan',
        'budget_plan',
      ];
      for (const table of tables) {
        const [theirs] = await s.service.serviceDb.withTenant(stranger.tenantId, (tx) =>
          tx.query<{ n: string }>(`SELECT count(*) AS n FROM strategy.${table}`),
        );
        const [ours] = await s.service.serviceDb.withTenant(agency.tenantId, (tx) =>
          tx.query<{ n: string }>(`SELECT count(*) AS n FROM strategy.${table}`),
        );
        expect(Number(theirs!.n), table).toBe(0);
        expect(Number(ours!.n), table).toBeGreaterThan(0);
      }
    });
  });
});
