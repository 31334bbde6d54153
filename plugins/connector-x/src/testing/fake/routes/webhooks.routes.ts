import { invalidRequest, problem, stringField } from '../x-fake-http.js';
import type { Route, RouteDeps } from '../x-fake-routing.js';
import { nextId } from '../x-fake-state.js';
import type { WebhookRecord } from '../x-fake-webhooks.js';

const render = (webhook: WebhookRecord) => ({
  id: webhook.id,
  url: webhook.url,
  valid: webhook.valid,
  created_at: webhook.createdAt,
});

/** Register (with an immediate CRC), list, re-validate (PUT sends a new CRC), delete; AAA subscriptions. */
export function webhooksRoutes({ webhooks }: RouteDeps): Route[] {
  return [
    {
      method: 'POST',
      path: /^\/2\/webhooks$/u,
      endpoint: 'webhooks',
      auth: 'none',
      async handle(exchange) {
        const url = stringField(exchange.body, 'url') ?? '';
        let parsed: URL | undefined;
        try {
          parsed = new URL(url);
        } catch {
          parsed = undefined;
        }
        // The fake accepts http on loopback so that tests can answer the CRC; X requires https without a port.
        const loopback = parsed?.hostname === '127.0.0.1';
        if (
          !parsed ||
          url.length > 200 ||
          (!loopback && (parsed.protocol !== 'https:' || parsed.port !== ''))
        ) {
          return invalidRequest(exchange, 'url must be an https URL without a port, at most 200 characters.');
        }
        const webhook: WebhookRecord = {
          id: nextId(),
          url,
          valid: false,
          createdAt: new Date().toISOString(),
        };
        if (!(await webhooks.crc(webhook))) {
          return problem(
            exchange,
            400,
            'invalid-request',
            'Invalid Request',
            'CRC check failed: the URL did not answer with a valid response_token.',
          );
        }
        webhooks.webhooks.set(webhook.id, webhook);
        exchange.send(200, { data: render(webhook) });
      },
    },
    {
      method: 'GET',
      path: /^\/2\/webhooks$/u,
      endpoint: 'webhooks',
      auth: 'none',
      handle(exchange) {
        const all = [...webhooks.webhooks.values()].map(render);
        exchange.send(200, { data: all, meta: { result_count: all.length } });
      },
    },
    {
      method: 'PUT',
      path: /^\/2\/webhooks\/(\d+)$/u,
      endpoint: 'webhooks',
      auth: 'none',
      async handle(exchange, [id]) {
        const webhook = webhooks.webhooks.get(id!);
        if (!webhook) {
          return problem(
            exchange,
            404,
            'resource-not-found',
            'Not Found Error',
            `Could not find webhook with id: [${id}].`,
          );
        }
        exchange.send(200, { data: { valid: await webhooks.crc(webhook) } });
      },
    },
    {
      method: 'DELETE',
      path: /^\/2\/webhooks\/(\d+)$/u,
      endpoint: 'webhooks',
      auth: 'none',
      handle(exchange, [id]) {
        exchange.send(200, { data: { deleted: webhooks.webhooks.delete(id!) } });
      },
    },
    {
      method: 'POST',
      path: /^\/2\/account_activity\/webhooks\/(\d+)\/subscriptions\/all$/u,
      auth: 'user',
      scopes: ['dm.read', 'tweet.read', 'users.read'],
      handle(exchange, [id]) {
        if (!webhooks.webhooks.get(id!)?.valid) {
          return invalidRequest(
            exchange,
            'The webhook is unknown or invalid: re-validate it with PUT /2/webhooks/{id}.',
          );
        }
        webhooks.subscribedUserIds.add(exchange.user!.id);
        exchange.send(200, { data: { subscribed: true } });
      },
    },
  ];
}
