import type { ConnectorManifest } from '../manifest/manifest.schema.js';
import type { ConnectorImplementation } from './connector.js';

/** Declared capabilities the implementation lacks; the host refuses such a plugin with this list. */
export function missingCapabilities(
  manifest: ConnectorManifest,
  implementation: ConnectorImplementation,
): string[] {
  const { capabilities } = manifest;
  const missing: string[] = [];
  // Presence is checked by key, so that methods are never detached from their objects.
  const need = (declared: boolean, owner: object | undefined, key: string, name: string) => {
    const value = owner ? (owner as Record<string, unknown>)[key] : undefined;
    if (declared && typeof value !== 'function' && (typeof value !== 'object' || value === null)) {
      missing.push(name);
    }
  };
  const { auth, inbox: inboxImpl, insights: insightsImpl } = implementation;
  const methods = capabilities.auth.methods;
  need(true, auth, 'verify', 'auth.verify');
  need(methods.includes('oauth2'), auth, 'oauth2', 'auth.oauth2');
  need(methods.includes('app-password') || methods.includes('token'), auth, 'password', 'auth.password');
  need(capabilities.auth.refresh, auth, 'refresh', 'auth.refresh');
  need(capabilities.auth.revoke, auth, 'revoke', 'auth.revoke');
  need(capabilities.publish !== undefined, implementation, 'publish', 'publish');
  need(capabilities.findPublished !== undefined, implementation, 'findPublished', 'findPublished');
  need(capabilities.delete, implementation, 'delete', 'delete');
  const inbox = capabilities.inbox;
  if (inbox) {
    for (const key of ['pull', 'webhook', 'reply', 'hide', 'like', 'delete'] as const) {
      need(inbox[key], inboxImpl, key, `inbox.${key}`);
    }
  }
  const insights = capabilities.insights;
  if (insights) {
    need(insights.post.length > 0, insightsImpl, 'post', 'insights.post');
    need(insights.account.length > 0, insightsImpl, 'account', 'insights.account');
  }
  return missing;
}
