import type { StrategyDocument } from '../../../application/queries/get-strategy-document/get-strategy-document.query.js';
import type { KpiValue } from '../../../domain/kpi-value.value-object.js';

/** The document as plain blocks of text, so that the HTML and the PDF say exactly the same thing. */
export type DocumentBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'subheading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
    };

export function strategyDocumentBlocks(doc: StrategyDocument, brandName: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: `Social media strategy: ${brandName}` },
    { kind: 'note', text: `Generated ${doc.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` },
  ];
  const missing = (what: string, how: string) =>
    blocks.push({ kind: 'note', text: `No ${what} yet (${how}).` });

  blocks.push({ kind: 'heading', text: '1. Brand identity' });
  if (doc.identity === null) {
    missing('brand identity', 'PUT /api/strategy/brand-identity');
  } else {
    const id = doc.identity;
    const v = id.voice;
    blocks.push(
      { kind: 'note', text: `Version ${id.version}, saved ${id.createdAt.toISOString().slice(0, 10)}` },
      { kind: 'subheading', text: 'Mission' },
      { kind: 'paragraph', text: id.mission },
      { kind: 'subheading', text: 'Value proposition' },
      { kind: 'paragraph', text: id.valueProposition },
    );
    if (id.differentiators.length > 0) {
      blocks.push(
        { kind: 'subheading', text: 'Differentiators' },
        { kind: 'list', items: id.differentiators },
      );
    }
    blocks.push(
      { kind: 'subheading', text: 'Voice and tone' },
      {
        kind: 'table',
        columns: ['Rule', 'Value'],
        rows: [
          ['Tone', list(v.toneAdjectives)],
          ['Words to use', list(v.wordsToUse)],
          ['Words to avoid', list(v.wordsToAvoid)],
          ['Emoji', v.emojiPolicy],
          [
            'Hashtags',
            `${v.hashtagPolicy.maxPerPost === null ? 'no limit' : `at most ${v.hashtagPolicy.maxPerPost}`}, ` +
              `${v.hashtagPolicy.placement}; required: ${list(v.hashtagPolicy.required.map((h) => `#${h}`))}`,
          ],
          ['Length guidance', v.maxLengthGuidance === null ? 'none' : `${v.maxLengthGuidance} characters`],
        ],
      },
    );
    if (v.doExamples.length > 0) {
      blocks.push({ kind: 'subheading', text: 'Do' }, { kind: 'list', items: v.doExamples });
    }
    if (v.dontExamples.length > 0) {
      blocks.push({ kind: 'subheading', text: "Don't" }, { kind: 'list', items: v.dontExamples });
    }
  }

  blocks.push({ kind: 'heading', text: '2. Audiences' });
  if (doc.audiences.length === 0) {
    missing('audiences', 'POST /api/strategy/audiences');
  }
  for (const a of doc.audiences) {
    const d = a.demographics;
    blocks.push(
      { kind: 'subheading', text: `${a.name} (${a.kind}, priority ${a.priority}, ${a.buyingStage})` },
      ...(a.description === '' ? [] : [{ kind: 'paragraph' as const, text: a.description }]),
      {
        kind: 'table',
        columns: ['', ''],
        rows: [
          ['Age', d.ageMin === null && d.ageMax === null ? 'any' : `${d.ageMin ?? '?'}-${d.ageMax ?? '?'}`],
          [
            'Places',
            list(d.locations.map((l) => [l.city, l.region, l.country].filter((x) => x !== null).join(', '))),
          ],
          ['Languages', list(d.languages)],
          ['Interests', list(a.interests)],
          ['Pains', list(a.pains)],
          ['Objections', list(a.objections)],
          ['Networks', list(a.networks.map((n) => `${n.network} (${n.presence})`))],
        ],
      },
    );
    if (a.subTargets.length > 0) {
      blocks.push({
        kind: 'table',
        columns: ['Sub-target', 'Product line', 'Stage', 'Interests', 'Pains'],
        rows: a.subTargets.map((s) => [
          s.name,
          s.productLine,
          s.buyingStage,
          list(s.interests),
          list(s.pains),
        ]),
      });
    }
  }

  blocks.push({ kind: 'heading', text: '3. Diagnosis' });
  blocks.push({
    kind: 'table',
    columns: ['Problem', 'Severity', 'Findings'],
    rows: doc.diagnosis.map((p) => [
      p.label,
      p.severity.level,
      list(p.severity.findings.filter((f) => f.level !== 'ok').map((f) => `${f.field}: ${f.reason}`)),
    ]),
  });
  for (const p of doc.diagnosis.filter((d) => d.recommendations !== null)) {
    const r = p.recommendations!;
    blocks.push(
      { kind: 'subheading', text: `Recommended for: ${p.label}` },
      {
        kind: 'list',
        items: [
          ...r.goals.map((g) => `Goal: ${g.title} (${g.metric}; watch ${list(g.kpis)})`),
          `Channels: ${list(r.channels)}`,
          `Content pillars: ${list(r.contentPillars)}`,
          ...r.actions.map((a) => `Action: ${a}`),
        ],
      },
    );
  }

  blocks.push({ kind: 'heading', text: '4. Goals and KPIs' });
  if (doc.goals.length === 0) {
    missing('goals', 'POST /api/strategy/goals');
  } else {
    const audienceName = new Map(doc.audiences.map((a) => [a.id, a.name]));
    blocks.push({
      kind: 'table',
      columns: ['Goal', 'Metric', 'Baseline', 'Target', 'Deadline', 'Audiences', 'Status'],
      rows: doc.goals.map((g) => [
        g.title,
        g.metric,
        kpi(g.baseline),
        kpi(g.target),
        g.deadline.toISOString().slice(0, 10),
        g.scope.audienceIds.length === 0
          ? 'all'
          : list(g.scope.audienceIds.map((id) => audienceName.get(id) ?? id)),
        g.status,
      ]),
    });
  }

  blocks.push({ kind: 'heading', text: '5. Channel plan' });
  if (doc.channelPlan === null) {
    missing('channel plan', 'PUT /api/strategy/channel-plan');
  } else {
    const cp = doc.channelPlan;
    blocks.push(
      {
        kind: 'table',
        columns: ['Network', 'Fit', 'Audience', 'Goals', 'Capacity', 'Posts/week', 'Hours/week'],
        rows: cp.channels.map((c) => [
          c.planned ? c.network : `${c.network} (candidate)`,
          String(c.fit.score),
          ...c.fit.factors.map((f) => `${Math.round(f.value * 100)} %`),
          c.planned ? String(c.cadence.postsPerWeek) : '-',
          c.planned ? String(c.hoursNeededPerWeek) : '-',
        ]),
      },
      {
        kind: 'note',
        text:
          `Team capacity: ${cp.capacity.hoursNeededPerWeek} of ${cp.capacity.teamHoursPerWeek} hours a week` +
          (cp.capacity.overBy > 0 ? `, over by ${cp.capacity.overBy}` : '') +
          '. Fit = 100 x (0.5 audience presence + 0.3 goal alignment + 0.2 team capacity).',
      },
      { kind: 'subheading', text: 'Content pillars' },
      {
        kind: 'table',
        columns: ['Pillar', 'Share', 'Description'],
        rows: cp.plan.pillars.map((p) => [p.name, `${p.share} %`, p.description]),
      },
    );
  }

  blocks.push({ kind: 'heading', text: '6. Budget' });
  if (doc.budgetWithheld) {
    blocks.push({
      kind: 'note',
      text: 'The budget and the profit and loss are not shown to your role (they hold the team rates); ask an admin or a strategist for the full document.',
    });
  } else if (doc.budget === null) {
    missing('budget plan', 'PUT /api/strategy/budget-plan');
  } else {
    const b = doc.budget;
    const c = b.plan.currency;
    blocks.push(
      {
        kind: 'table',
        columns: ['Team role', 'Hours/month', 'Rate', 'Monthly'],
        rows: b.plan.team.map((t) => [
          t.role,
          String(t.hoursPerMonth),
          money(t.hourlyRateMinor, c),
          money(Math.round(t.hoursPerMonth * t.hourlyRateMinor), c),
        ]),
      },
      {
        kind: 'table',
        columns: ['Tool', 'Monthly'],
        rows: b.plan.tools.map((t) => [t.name, money(t.monthlyCostMinor, c)]),
      },
      {
        kind: 'table',
        columns: ['Month', 'Team', 'Tools', 'Paid media', 'Total'],
        rows: b.totals.perMonth.map((m) => [
          m.month,
          money(m.teamMinor, c),
          money(m.toolsMinor, c),
          money(m.paidMediaMinor, c),
          money(m.totalMinor, c),
        ]),
      },
      {
        kind: 'table',
        columns: ['Goal', 'Expected return', 'Rationale'],
        rows: b.returnsByGoal.map((r) => [r.title, money(r.amountMinor, c), r.rationale]),
      },
      {
        kind: 'paragraph',
        text:
          `Total cost ${money(b.totals.totalCostMinor, c)}; expected return ${money(b.totals.expectedReturnMinor, c)}; ` +
          `expected ROI ${b.totals.expectedRoi === null ? 'n/a' : `${Math.round(b.totals.expectedRoi * 100)} %`}.`,
      },
    );
  }
  if (doc.profitAndLoss !== null) {
    const p = doc.profitAndLoss;
    blocks.push(
      { kind: 'subheading', text: 'Profit and loss' },
      {
        kind: 'table',
        columns: [
          'Month',
          'Planned cost',
          'Actual cost',
          'Planned revenue',
          'Actual revenue',
          'Profit variance',
        ],
        rows: p.months.map((m) => [
          m.month,
          money(m.planned.costMinor, p.currency),
          m.actual === null ? '-' : money(m.actual.costMinor, p.currency),
          money(m.planned.revenueMinor, p.currency),
          m.actual === null ? '-' : money(m.actual.revenueMinor, p.currency),
          m.profitVarianceMinor === null ? '-' : money(m.profitVarianceMinor, p.currency),
        ]),
      },
    );
  }
  return blocks;
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '-' : items.join(', ');
}

export function money(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

function kpi(value: KpiValue): string {
  switch (value.unit) {
    case 'count':
      return value.value.toLocaleString('en');
    case 'percent':
      return `${value.value} %`;
    case 'ratio':
      return `${value.value}x`;
    case 'money':
      return money(value.amountMinor, value.currency);
  }
}
