import type { Credentials } from '@chorus/connector-sdk';
import { successResponse } from '@chorus/meta-graph';
import { loginOf, type InstagramDeps } from '../instagram-deps.js';

/** The Instagram fields Chorus reads (3.3); the app-level subscription in the App Dashboard must list them too. */
export const INSTAGRAM_WEBHOOK_FIELDS = 'comments,mentions,messages';
/** Page fields that install the app on the linked Page, through which Instagram events come (1.6). */
export const PAGE_WEBHOOK_FIELDS = 'feed,mention,messages';

/**
 * Installs the app on the connected account, without which no webhook arrives for it (1.6, 3.3): Instagram Login
 * `POST /me/subscribed_apps` on graph.instagram.com; Facebook Login `POST /{page-id}/subscribed_apps` with the
 * Page token (`pages_manage_metadata`). `{"success": false}` is an error, never a quiet success.
 */
export async function subscribeWebhooks(deps: InstagramDeps, credentials: Credentials): Promise<void> {
  const facebook = loginOf(credentials) === 'facebook';
  await deps.graph(credentials).call(
    {
      operation: 'auth.exchange',
      endpoint: 'apps.subscribe',
      method: 'POST',
      path: facebook
        ? `/${credentials.extra?.pageId ?? credentials.accountId}/subscribed_apps`
        : '/me/subscribed_apps',
      form: { subscribed_fields: facebook ? PAGE_WEBHOOK_FIELDS : INSTAGRAM_WEBHOOK_FIELDS },
    },
    successResponse,
  );
}
