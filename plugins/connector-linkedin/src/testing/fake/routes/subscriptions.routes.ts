import { inputError, type Route } from '../fake-http.js';
import type { WebhookSubscription } from '../fake-webhooks.js';

/** `PUT /rest/eventSubscriptions/(developerApplication:…,user:…,entity:…,eventType:…)` (6.4). */
export function subscriptionRoutes(add: (subscription: WebhookSubscription) => void): Route[] {
  return [
    {
      method: 'PUT',
      path: /^\/rest\/eventSubscriptions\/\((.+)\)$/u,
      endpoint: 'eventSubscriptions.write',
      versioned: true,
      bearer: true,
      handle(context) {
        const key = Object.fromEntries(
          context.match[1]!.split(',').map((pair) => {
            const at = pair.indexOf(':');
            return [pair.slice(0, at), decodeURIComponent(pair.slice(at + 1))];
          }),
        ) as Record<string, string | undefined>;
        const webhook = context.json()?.webhook;
        if (key.eventType !== 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS' || !key.entity || !key.user) {
          return context.send(
            400,
            inputError('/key', 'the key names developerApplication, user, entity and eventType'),
          );
        }
        if (typeof webhook !== 'string' || !/^https?:\/\//u.test(webhook)) {
          return context.send(422, inputError('/webhook', 'webhook must be an https URL'));
        }
        const org = context.state.organizationOf(key.entity);
        if (key.user !== context.member.urn || org?.roles.get(context.member.id) !== 'ADMINISTRATOR') {
          return context.fail(403, 'ACCESS_DENIED', 'Only an ADMINISTRATOR of the page may subscribe', 100);
        }
        add({ organization: key.entity, subscriber: key.user, url: webhook });
        context.send(204);
      },
    },
  ];
}
