import {
  createConnectorContext,
  createOAuthState,
  createPkcePair,
  parseManifest,
  silentLogger,
  type Connector,
  type Credentials,
} from '@chorus/connector-sdk';
import { mastodonConnector } from '../../src/index.js';
import {
  createMastodonContractSetup,
  type MastodonContractSetup,
  type MastodonFakeOptions,
} from '../../src/testing/index.js';

export interface ConnectedMastodon {
  readonly setup: MastodonContractSetup;
  readonly connector: Connector;
  readonly credentials: Credentials;
}

/** A fake server, the connector, and the `chorus` account connected through OAuth. */
export async function connectedMastodon(options: MastodonFakeOptions = {}): Promise<ConnectedMastodon> {
  const setup = await createMastodonContractSetup(options);
  const parsed = parseManifest(mastodonConnector.manifest);
  if (!parsed.ok) {
    throw new Error('invalid manifest');
  }
  const context = createConnectorContext({
    manifest: parsed.manifest,
    config: setup.config,
    logger: silentLogger,
  });
  const connector = await mastodonConnector.create(context);
  const oauth = setup.auth.oauth2!;
  const pkce = createPkcePair();
  const state = createOAuthState();
  const start = await connector.auth.oauth2!.start({
    redirectUri: oauth.redirectUri,
    state,
    codeChallenge: pkce.challenge,
    params: oauth.params,
  });
  const consent = await oauth.consent(start.url);
  const credentials = await connector.auth.oauth2!.exchange({
    code: consent.code,
    redirectUri: oauth.redirectUri,
    codeVerifier: pkce.verifier,
    pending: start.pending,
  });
  return { setup, connector, credentials };
}
