import {
  createConnectorContext,
  createOAuthState,
  parseManifest,
  silentLogger,
  type Connector,
  type Credentials,
  type Logger,
  type PostInput,
} from '@chorus/connector-sdk';
import { redditConnector } from '../../src/index.js';
import {
  createRedditContractSetup,
  PEER_USER_AGENT,
  type RedditContractSetup,
  type RedditFakeOptions,
} from '../../src/testing/index.js';

export interface ConnectedReddit {
  readonly setup: RedditContractSetup;
  readonly connector: Connector;
  readonly credentials: Credentials;
  /** Runs the browser flow again: new credentials for the same account. */
  connect(): Promise<Credentials>;
  /** Publishes with the contract setup's base settings plus these. */
  publish(post: PostInput, settings?: Record<string, unknown>): ReturnType<NonNullable<Connector['publish']>>;
  close(): Promise<void>;
}

let attempts = 0;

/** The fake Reddit, the connector configured for it, and `chorusbrand` connected through OAuth. */
export async function connectedReddit(
  options: RedditFakeOptions = {},
  config: Record<string, unknown> = {},
  logger: Logger = silentLogger,
): Promise<ConnectedReddit> {
  const setup = await createRedditContractSetup(options);
  const parsed = parseManifest(redditConnector.manifest);
  if (!parsed.ok) {
    throw new Error('invalid manifest');
  }
  const context = createConnectorContext({
    manifest: parsed.manifest,
    config: { ...setup.config, ...config },
    logger,
    timeoutMs: 1000,
  });
  const connector = await redditConnector.create(context);
  const connect = async () => {
    const oauth = setup.auth.oauth2!;
    const start = await connector.auth.oauth2!.start({
      redirectUri: oauth.redirectUri,
      state: createOAuthState(),
      codeChallenge: 'unused',
    });
    const consent = await oauth.consent(start.url);
    return connector.auth.oauth2!.exchange({
      code: consent.code,
      redirectUri: oauth.redirectUri,
      codeVerifier: 'unused',
      pending: start.pending,
    });
  };
  const credentials = await connect();
  return {
    setup,
    connector,
    credentials,
    connect,
    publish: (post, settings = {}) => {
      attempts += 1;
      const base = setup.basePost!().settings ?? {};
      return connector.publish!(credentials, {
        idempotencyKey: `attempt-${attempts}`,
        fingerprint: `attempt-${attempts}`,
        post: { ...post, settings: { ...base, ...post.settings, ...settings } },
      });
    },
    close: async () => {
      await connector.close();
      await setup.fake.close();
    },
  };
}

/** A raw call to the fake, as Reddit would answer any client with a proper User-Agent unless told otherwise. */
export async function rawCall(
  url: string,
  init: RequestInit & { token?: string; form?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
  const headers = new Headers(init.headers);
  if (!headers.has('user-agent')) {
    headers.set('user-agent', PEER_USER_AGENT);
  }
  if (init.token) {
    headers.set('authorization', `bearer ${init.token}`);
  }
  let body = init.body;
  if (init.form) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(init.form).toString();
  }
  const response = await fetch(url, { ...init, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The rejection of a promise, or undefined if it resolved. */
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );
