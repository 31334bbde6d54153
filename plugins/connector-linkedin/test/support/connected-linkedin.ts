import {
  createConnectorContext,
  createOAuthState,
  parseManifest,
  silentLogger,
  systemClock,
  type Connector,
  type Credentials,
} from '@chorus/connector-sdk';
import { linkedinConnector } from '../../src/index.js';
import { createLinkedinContractSetup, type LinkedinContractSetup } from '../../src/testing/index.js';
import type { LinkedinFakeOptions } from '../../src/testing/fake/linkedin-fake.js';

export interface ConnectedLinkedin {
  readonly setup: LinkedinContractSetup;
  readonly connector: Connector;
  readonly credentials: Credentials;
  /** Connects again, as the page (default) or as the member (`organizationId` null). */
  connect(organizationId?: string | null): Promise<Credentials>;
  /** Moves the connector's and the fake's clocks together. */
  advance(ms: number): void;
}

export const VERSION_HEADERS = { 'linkedin-version': '202610', 'x-restli-protocol-version': '2.0.0' };

export async function connectedLinkedin(
  options: LinkedinFakeOptions = {},
  config: Record<string, unknown> = {},
): Promise<ConnectedLinkedin> {
  const setup = await createLinkedinContractSetup(options);
  const parsed = parseManifest(linkedinConnector.manifest);
  if (!parsed.ok) {
    throw new Error('invalid manifest');
  }
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset), sleep: systemClock.sleep };
  const context = createConnectorContext({
    manifest: parsed.manifest,
    config: { ...setup.config, ...config },
    logger: silentLogger,
    timeoutMs: 1000,
    clock,
  });
  const connector = await linkedinConnector.create(context);
  const connect = async (organizationId: string | null = setup.page.id) => {
    const oauth = setup.auth.oauth2!;
    const start = await connector.auth.oauth2!.start({
      redirectUri: oauth.redirectUri,
      state: createOAuthState(),
      codeChallenge: 'unused',
      params: organizationId === null ? {} : { organizationId },
    });
    const consent = await oauth.consent(start.url);
    return connector.auth.oauth2!.exchange({
      code: consent.code,
      redirectUri: oauth.redirectUri,
      codeVerifier: '',
      pending: start.pending,
    });
  };
  const advance = (ms: number) => {
    offset += ms;
    setup.fake.advance(ms);
  };
  return { setup, connector, credentials: await connect(), connect, advance };
}

export async function failure(
  promise: Promise<unknown>,
): Promise<Error & { kind?: string; retryAfter?: number; issues?: unknown[] }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

/** A raw call on the fake, as any HTTP client would make it. */
export async function rest(
  base: string,
  path: string,
  token: string,
  init: RequestInit & { headers?: Record<string, string> } = {},
) {
  const response = await fetch(new URL(path, base), {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...VERSION_HEADERS, ...init.headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

let counter = 0;
export const uniqueText = (label: string) => `${label} ${Date.now()}-${(counter += 1)}`;
