import { fail, type Exchange } from '../pinterest-fake-http.js';
import type { Route, RouteDeps } from '../pinterest-fake-routing.js';
import type { PinCounters } from '../pinterest-fake-state.js';

const DAY_MS = 86_400_000;
const MAX_DAYS_BACK = 90;
const DATE = /^\d{4}-\d{2}-\d{2}$/u;

const METRIC_OF: Readonly<Record<string, (counters: PinCounters) => number>> = {
  IMPRESSION: (c) => c.impressions,
  SAVE: (c) => c.saves,
  PIN_CLICK: (c) => c.pinClicks,
  OUTBOUND_CLICK: (c) => c.outboundClicks,
  TOTAL_COMMENTS: (c) => c.comments,
  TOTAL_REACTIONS: (c) => c.reactions,
  VIDEO_MRC_VIEW: (c) => c.videoViews,
  ENGAGEMENT: (c) => c.saves + c.pinClicks + c.outboundClicks + c.reactions + c.comments,
};
const LEGACY: Readonly<Record<string, string>> = { OUTBOUND_CLICK: 'CLICKTHROUGH', PIN_CLICK: 'CLOSEUP' };

const today = () => new Date(new Date().toISOString().slice(0, 10)).getTime();

/**
 * The date rules of 9.4: YYYY-MM-DD, start_date at most 90 days back, end_date not before it, the range at
 * most 90 days. Answers the dates (as days since the epoch), or undefined after a 400.
 */
function dateRange(exchange: Exchange): { from: number; to: number } | undefined {
  const start = exchange.url.searchParams.get('start_date') ?? '';
  const end = exchange.url.searchParams.get('end_date') ?? '';
  if (!DATE.test(start) || !DATE.test(end)) {
    fail(exchange, 400, 'start_date and end_date are required, formatted YYYY-MM-DD.');
    return undefined;
  }
  const from = Date.parse(start);
  const to = Date.parse(end);
  if (from < today() - MAX_DAYS_BACK * DAY_MS) {
    fail(exchange, 400, `start_date: cannot be more than ${MAX_DAYS_BACK} days in the past.`);
    return undefined;
  }
  if (to < from) {
    fail(exchange, 400, 'end_date: cannot be before start_date.');
    return undefined;
  }
  if ((to - from) / DAY_MS > MAX_DAYS_BACK) {
    fail(exchange, 400, `The date range cannot be longer than ${MAX_DAYS_BACK} days.`);
    return undefined;
  }
  return { from, to };
}

/** `{"all": {daily_metrics, summary_metrics, lifetime_metrics}}`; today's counts on today's entry. */
function analyticsAnswer(exchange: Exchange, counters: PinCounters, legacy: boolean) {
  const range = dateRange(exchange);
  const requested = (exchange.url.searchParams.get('metric_types') ?? '').split(',').filter(Boolean);
  if (!range) {
    return;
  }
  const unknown = requested.filter((name) => !METRIC_OF[name]);
  if (requested.length === 0 || unknown.length > 0) {
    return fail(exchange, 400, `metric_types: invalid value ${unknown.join(',') || '(none)'}.`);
  }
  const name = (metric: string) => (legacy ? (LEGACY[metric] ?? metric) : metric);
  const values = (scale: number) =>
    Object.fromEntries(requested.map((metric) => [name(metric), METRIC_OF[metric]!(counters) * scale]));
  const daily = [];
  for (let day = range.from; day <= range.to; day += DAY_MS) {
    daily.push({
      date: new Date(day).toISOString().slice(0, 10),
      data_status: 'READY',
      metrics: values(day === today() ? 1 : 0),
    });
  }
  const inRange = range.from <= today() && today() <= range.to;
  exchange.send(200, {
    all: { daily_metrics: daily, summary_metrics: values(inRange ? 1 : 0), lifetime_metrics: values(1) },
  });
}

/** Pin and account analytics (9.4) and the profile. */
export function analyticsRoutes(deps: RouteDeps): Route[] {
  const { state, config } = deps;
  return [
    {
      method: 'GET',
      path: /^\/v5\/pins\/([^/]+)\/analytics$/u,
      auth: 'user',
      category: 'org_analytics',
      scopes: ['pins:read'],
      handle(exchange, [id]) {
        const pin = state.pins.get(id!);
        if (!pin || pin.deleted) {
          return fail(exchange, 404, 'Pin not found.');
        }
        if (pin.ownerId !== exchange.user?.id) {
          return fail(exchange, 403, 'You do not have access to the analytics of this pin.');
        }
        analyticsAnswer(exchange, pin.counters, config.legacyMetricNames);
      },
    },
    {
      method: 'GET',
      path: /^\/v5\/user_account$/u,
      auth: 'user',
      category: 'org_read',
      scopes: ['user_accounts:read'],
      handle(exchange) {
        const user = exchange.user!;
        const pins = state.livePins().filter((pin) => pin.ownerId === user.id);
        exchange.send(200, {
          id: user.id,
          username: user.username,
          account_type: user.accountType,
          business_name: user.businessName,
          profile_image: `https://i.pinimg.test/${user.username}.jpg`,
          follower_count: user.followers.size,
          following_count: 0,
          pin_count: pins.length,
          board_count: [...state.boards.values()].filter((board) => board.ownerId === user.id).length,
          monthly_views: pins.reduce((total, pin) => total + pin.counters.impressions, 0),
        });
      },
    },
    {
      method: 'GET',
      path: /^\/v5\/user_account\/analytics$/u,
      auth: 'user',
      category: 'org_analytics',
      scopes: ['user_accounts:read'],
      handle(exchange) {
        const user = exchange.user!;
        if (user.accountType !== 'BUSINESS') {
          return fail(exchange, 403, 'Analytics are only available to business accounts.');
        }
        const total: PinCounters = {
          impressions: 0,
          saves: 0,
          pinClicks: 0,
          outboundClicks: 0,
          comments: 0,
          reactions: 0,
          videoViews: 0,
        };
        for (const pin of state.livePins().filter((item) => item.ownerId === user.id)) {
          for (const key of Object.keys(total) as (keyof PinCounters)[]) {
            total[key] += pin.counters[key];
          }
        }
        analyticsAnswer(exchange, total, config.legacyMetricNames);
      },
    },
  ];
}
