import {
  createConnectorContext,
  createOAuthState,
  createPkcePair,
  parseManifest,
  silentLogger,
  type Clock,
  type Connector,
  type Credentials,
  type PostInput,
  type PublishResult,
} from '@chorus/connector-sdk';
import { tiktokConnector } from '../../src/index.js';
import {
  createTikTokContractSetup,
  type TikTokContractSetup,
  type TikTokFakeOptions,
} from '../../src/testing/index.js';

export interface ConnectedTikTok {
  readonly setup: TikTokContractSetup;
  readonly connector: Connector;
  readonly credentials: Credentials;
  readonly clock: Clock;
  /** Runs the browser flow again: new credentials for the same account. */
  connect(scopes?: readonly string[]): Promise<Credentials>;
  publish(post: PostInput, key?: string): Promise<PublishResult>;
  /** The error a publish ends with (undefined if it succeeded). */
  publishError(post: PostInput, key?: string): Promise<unknown>;
  close(): Promise<void>;
}

/** A clock whose sleeps pass at once: status polls every 5 s take no real time. */
export function fastClock(onSleep: (ms: number) => void = () => undefined): Clock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    sleep: (ms) => {
      offset += ms;
      onSleep(ms);
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}

let counter = 0;

/** The fake TikTok, the connector configured for it, and `chorusbrand` connected through Login Kit. */
export async function connectedTikTok(
  options: TikTokFakeOptions = {},
  config: Record<string, unknown> = {},
  /** The connector's sleeps move the fake's clock too (its rate-limit windows, its processing time). */
  shareClock = false,
): Promise<ConnectedTikTok> {
  const setup = await createTikTokContractSetup(options);
  const parsed = parseManifest(tiktokConnector.manifest);
  if (!parsed.ok) {
    throw new Error('invalid manifest');
  }
  const clock = fastClock(shareClock ? (ms) => setup.fake.travel(ms) : undefined);
  const context = createConnectorContext({
    manifest: parsed.manifest,
    config: { ...setup.config, ...config },
    logger: silentLogger,
    timeoutMs: 1000,
    clock,
  });
  const connector = await tiktokConnector.create(context);
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
  const publish = (post: PostInput, key = `key-${(counter += 1)}`) =>
    connector.publish!(credentials, { idempotencyKey: key, fingerprint: key, post });
  return {
    setup,
    connector,
    credentials,
    clock,
    connect,
    publish,
    publishError: (post, key) =>
      publish(post, key).then(
        () => undefined,
        (caught: unknown) => caught,
      ),
    close: async () => {
      await connector.close();
      await setup.fake.close();
    },
  };
}

/** A raw call to the fake, as TikTok would answer any client. */
export async function rawCall(
  url: string,
  init: RequestInit & { token?: string; json?: unknown } = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const headers = new Headers(init.headers);
  if (init.token) {
    headers.set('authorization', `Bearer ${init.token}`);
  }
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json; charset=UTF-8');
    body = JSON.stringify(init.json);
  }
  const response = await fetch(url, { method: 'POST', ...init, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** The `error` part of an envelope answer. */
export const errorOf = (json: Record<string, unknown>) =>
  json.error as { code: string; message: string; log_id?: string };
export const dataOf = (json: Record<string, unknown>) => json.data as Record<string, unknown>;
