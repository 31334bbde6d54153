import {
  createConnectorContext,
  createOAuthState,
  parseManifest,
  silentLogger,
  systemClock,
  type Connector,
  type Credentials,
  type MediaInput,
} from '@chorus/connector-sdk';
import type { GraphFault } from '@chorus/meta-graph/testing';
import type { InstagramLogin } from '../../src/config.js';
import { instagramConnector } from '../../src/index.js';
import {
  createInstagramContractSetup,
  SAMPLE_IMAGE_URL,
  type InstagramContractSetup,
  type InstagramFakeOptions,
} from '../../src/testing/index.js';

export interface ConnectedInstagram {
  readonly setup: InstagramContractSetup;
  readonly connector: Connector;
  readonly credentials: Credentials;
  /** Moves time on for the fake and the connector together. */
  advance(ms: number): void;
}

/** Both fake hosts, the connector, and the account connected with the given login. */
export async function connectedInstagram(
  options: InstagramFakeOptions & {
    login?: InstagramLogin;
    faults?: readonly GraphFault[];
    /** Runs on the fake before the login (more linked Pages, declined permissions); returns the auth parameters. */
    prepare?: (setup: InstagramContractSetup) => Readonly<Record<string, string>> | undefined;
  } = {},
): Promise<ConnectedInstagram> {
  const setup = await createInstagramContractSetup(options);
  for (const fault of options.faults ?? []) {
    setup.fake.injectFault(fault);
  }
  const params = options.prepare?.(setup);
  const parsed = parseManifest(instagramConnector.manifest);
  if (!parsed.ok) {
    throw new Error('invalid manifest');
  }
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset), sleep: systemClock.sleep };
  const context = createConnectorContext({
    manifest: parsed.manifest,
    config: setup.config,
    logger: silentLogger,
    timeoutMs: 1000,
    clock,
  });
  const connector = await instagramConnector.create(context);
  const oauth = setup.auth.oauth2!;
  const start = await connector.auth.oauth2!.start({
    redirectUri: oauth.redirectUri,
    state: createOAuthState(),
    codeChallenge: 'x',
    params,
  });
  const consent = await oauth.consent(start.url);
  const credentials = await connector.auth.oauth2!.exchange({
    code: consent.code,
    redirectUri: oauth.redirectUri,
    codeVerifier: '',
    pending: start.pending,
  });
  const advance = (ms: number) => {
    offset += ms;
    setup.fake.advance(ms);
  };
  return { setup, connector, credentials, advance };
}

export function photo(url = SAMPLE_IMAGE_URL, altText?: string): MediaInput {
  return {
    kind: 'image',
    mimeType: 'image/jpeg',
    source: { kind: 'url', url },
    width: 1080,
    height: 1080,
    sizeBytes: 1000,
    altText,
  };
}

export function clip(url: string, seconds = 12): MediaInput {
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    source: { kind: 'url', url },
    width: 1080,
    height: 1920,
    durationSeconds: seconds,
    sizeBytes: 1000,
  };
}

/** What a call threw. */
export async function failure(
  promise: Promise<unknown>,
): Promise<Error & { kind?: string; retryAfter?: number; issues?: { code: string; path: unknown[] }[] }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

/** A Graph answer as the specs read it. */
export interface GraphAnswer {
  readonly id?: string;
  readonly status_code?: string;
  readonly status?: string;
  readonly data?: readonly {
    readonly quota_usage?: number;
    readonly name?: string;
    readonly [key: string]: unknown;
  }[];
  readonly error?: { readonly code: number; readonly error_subcode?: number; readonly message: string };
  readonly hidden?: boolean;
}

export async function graph(
  base: string,
  path: string,
  token: string,
  init: RequestInit = {},
): Promise<{ status: number; body: GraphAnswer }> {
  const response = await fetch(`${base}/v25.0${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as GraphAnswer };
}
