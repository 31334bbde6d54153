import {
  createConnectorContext,
  createOAuthState,
  parseManifest,
  silentLogger,
  systemClock,
  type Connector,
  type Credentials,
} from '@chorus/connector-sdk';
import { threadsConnector } from '../../src/index.js';
import { createThreadsContractSetup, type ThreadsContractSetup } from '../../src/testing/index.js';
import type { ThreadsFakeOptions } from '../../src/testing/fake/threads-fake.js';

export interface ConnectedThreads {
  readonly setup: ThreadsContractSetup;
  readonly connector: Connector;
  readonly credentials: Credentials;
  advance(ms: number): void;
}

/** The fake Threads API, the connector, and the profile connected through the login. */
export async function connectedThreads(options: ThreadsFakeOptions = {}): Promise<ConnectedThreads> {
  const setup = await createThreadsContractSetup(options);
  const parsed = parseManifest(threadsConnector.manifest);
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
  const connector = await threadsConnector.create(context);
  const oauth = setup.auth.oauth2!;
  const start = await connector.auth.oauth2!.start({
    redirectUri: oauth.redirectUri,
    state: createOAuthState(),
    codeChallenge: 'x',
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

export async function failure(
  promise: Promise<unknown>,
): Promise<Error & { kind?: string; retryAfter?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

export interface GraphAnswer {
  readonly id?: string;
  readonly status?: string;
  readonly error_message?: string;
  readonly data?: readonly {
    readonly name?: string;
    readonly total_value?: { readonly value: number };
    readonly [key: string]: unknown;
  }[];
  readonly error?: { readonly code: number; readonly message: string };
}

export async function graph(base: string, path: string, token: string, init: RequestInit = {}) {
  const response = await fetch(`${base}/v1.0${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as GraphAnswer };
}
