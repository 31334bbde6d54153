import { googleError } from '../youtube-fake-http.js';
import { SCOPES, type Route, type RouteDeps } from '../youtube-fake-routing.js';
import type { DailyCounters } from '../youtube-fake-state.js';

const METRICS = new Set<keyof DailyCounters>(['views', 'likes', 'comments', 'shares']);
const DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** YouTube Analytics API v2 reports (network-apis.md 8.4): a resultTable of columnHeaders and rows. */
export function analyticsRoutes(deps: RouteDeps): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/v2\/reports$/u,
      auth: 'bearer',
      scopes: SCOPES.analytics,
      handle(exchange) {
        const query = exchange.url.searchParams;
        for (const name of ['ids', 'startDate', 'endDate', 'metrics']) {
          if (!query.get(name)) {
            return googleError(exchange, 400, 'required', `Required parameter: ${name}`, 'global');
          }
        }
        if (query.get('ids') !== 'channel==MINE' && query.get('ids') !== `channel==${exchange.channel!.id}`) {
          return googleError(
            exchange,
            403,
            'forbidden',
            'The caller does not have permission for these ids.',
            'global',
          );
        }
        const [start, end] = [query.get('startDate')!, query.get('endDate')!];
        if (!DATE.test(start) || !DATE.test(end) || start > end) {
          return googleError(
            exchange,
            400,
            'invalid',
            'startDate and endDate are YYYY-MM-DD, startDate first.',
            'global',
          );
        }
        const metrics = query.get('metrics')!.split(',');
        const unknown = metrics.find((metric) => !METRICS.has(metric as keyof DailyCounters));
        if (unknown) {
          return googleError(
            exchange,
            400,
            'badRequest',
            `Unknown identifier (${unknown}) given in field parameters.metrics.`,
            'global',
          );
        }
        const byDay = query.get('dimensions') === 'day';
        const days = [...(deps.state.analytics.get(exchange.channel!.id) ?? new Map<string, DailyCounters>())]
          .filter(([day]) => day >= start && day <= end)
          .sort(([a], [b]) => a.localeCompare(b));
        const value = (counters: DailyCounters, metric: string) => counters[metric as keyof DailyCounters];
        const rows = byDay
          ? days.map(([day, counters]) => [day, ...metrics.map((metric) => value(counters, metric))])
          : [metrics.map((metric) => days.reduce((sum, [, counters]) => sum + value(counters, metric), 0))];
        exchange.send(200, {
          kind: 'youtubeAnalytics#resultTable',
          columnHeaders: [
            ...(byDay ? [{ name: 'day', columnType: 'DIMENSION', dataType: 'STRING' }] : []),
            ...metrics.map((name) => ({ name, columnType: 'METRIC', dataType: 'INTEGER' })),
          ],
          rows,
        });
      },
    },
  ];
}
