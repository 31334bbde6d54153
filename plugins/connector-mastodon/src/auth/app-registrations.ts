import type { MastodonApplication } from '../api/entities.js';
import type { MastodonDeps } from '../mastodon-deps.js';

export interface AppCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * Apps are per server: one from the configuration when present, otherwise registered at the first connection
 * and remembered for the process (the caller keeps it with the pending authorization, so nothing is lost).
 */
export class AppRegistrations {
  private readonly registered = new Map<string, Promise<AppCredentials>>();

  constructor(private readonly deps: MastodonDeps) {}

  forInstance(instanceUrl: string, redirectUri: string, scopes: readonly string[]): Promise<AppCredentials> {
    const configured = this.deps.config.apps.find((app) => sameOrigin(app.instanceUrl, instanceUrl));
    if (configured) {
      return Promise.resolve({ clientId: configured.clientId, clientSecret: configured.clientSecret });
    }
    const key = `${new URL(instanceUrl).origin} ${redirectUri} ${scopes.join(' ')}`;
    let pending = this.registered.get(key);
    if (!pending) {
      pending = this.register(instanceUrl, redirectUri, scopes);
      pending.catch(() => this.registered.delete(key));
      this.registered.set(key, pending);
    }
    return pending;
  }

  private async register(
    instanceUrl: string,
    redirectUri: string,
    scopes: readonly string[],
  ): Promise<AppCredentials> {
    const { config } = this.deps;
    const { body } = await this.deps.anonymous(instanceUrl).call<MastodonApplication>({
      operation: 'auth.start',
      endpoint: 'apps.create',
      method: 'POST',
      path: '/api/v1/apps',
      json: {
        client_name: config.clientName,
        redirect_uris: redirectUri,
        scopes: scopes.join(' '),
        website: config.website,
      },
      anonymous: true,
    });
    return { clientId: body.client_id, clientSecret: body.client_secret };
  }
}

function sameOrigin(left: string, right: string): boolean {
  return new URL(left).origin === new URL(right).origin;
}
