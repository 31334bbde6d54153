import { z } from '@chorus/connector-sdk';
import type { XDeps } from '../x-deps.js';

const subscribed = z.object({ data: z.object({ subscribed: z.boolean() }) });

/**
 * Subscribes a newly connected account to the app's Account Activity webhook (network-apis.md 5.3): X sends
 * a user's events only once that user, with their own token, is subscribed. A failure must not lose the
 * connection (publishing works without it), so it is logged as a warning and polling still reads the inbox.
 */
export async function subscribeAccount(deps: XDeps, accountId: string, accessToken: string): Promise<void> {
  const webhookId = deps.config.webhookId;
  if (!webhookId) {
    return;
  }
  try {
    await deps.api.call(
      {
        operation: 'auth.exchange',
        endpoint: 'webhooks.subscriptions',
        method: 'POST',
        path: `/2/account_activity/webhooks/${encodeURIComponent(webhookId)}/subscriptions/all`,
        token: accessToken,
      },
      subscribed,
    );
  } catch (error) {
    deps.context.logger.warn(
      'X: could not subscribe the account to the Account Activity webhook; its events arrive by polling only.',
      { accountId, webhookId, error: error instanceof Error ? error.message : String(error) },
    );
  }
}
