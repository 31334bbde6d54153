import {
  createConnectorContext,
  createOAuthState,
  createPkcePair,
  parseManifest,
  silentLogger,
  type Clock,
  type Connector,
  type Credentials,
  type Logger,
} from '@chorus/connector-sdk';
import { xConnector } from '../../src/index.js';
import { createXContractSetup, type XContractSetup, type XFakeOptions } from '../../src/testing/index.js';

export interface ConnectedX {
  readonly setup: XContractSetup;
  readonly connector: Connector;
  readonly credentials: Credentials;
  /** Runs the browser flow again: new credentials for the same account. */
  connect(scopes?: readonly string[]): Promise<Credentials>;
  close(): Promise<void>;
}

/** The fake X, the connector configured for it, and the `chorusbrand` account connected through OAuth. */
export async function connectedX(
  options: XFakeOptions = {},
  config: Record<string, unknown> = {},
  clock?: Clock,
  logger: Logger = silentLogger,
): Promise<ConnectedX> {
  const setup = await createXContractSetup(options);
  const parsed = parseManifest(xConnector.manifest);
  if (!parsed.ok) {
    throw new Error('invalid manifest');
  }
  const context = createConnectorContext({
    manifest: parsed.manifest,
    config: { ...setup.config, ...config },
    logger,
    timeoutMs: 1000,
    ...(clock ? { clock } : {}),
  });
  const connector = await xConnector.create(context);
  const connect = async (scopes?: readonly string[]) => {
    const oauth = setup.auth.oauth2!;
    const pkce = createPkcePair();
    const start = await connector.auth.oauth2!.start({
      redirectUri: oauth.redirectUri,
      state: createOAuthState(),
      codeChallenge: pkce.challenge,
      scopes,
    });
    const consent = await oauth.consent(start.url);
    return connector.auth.oauth2!.exchange({
      code: consent.code,
      redirectUri: oauth.redirectUri,
      codeVerifier: pkce.verifier,
      pending: start.pending,
    });
  };
  const credentials = await connect();
  return {
    setup,
    connector,
    credentials,
    connect,
    close: async () => {
      await connector.close();
      await setup.fake.close();
    },
  };
}

/** A raw call to the fake, as X would answer any client. */
export async function rawCall(
  url: string,
  init: RequestInit & { token?: string } = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const headers = new Headers(init.headers);
  if (init.token) {
    headers.set('authorization', `Bearer ${init.token}`);
  }
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}
