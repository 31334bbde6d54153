import { randomBytes } from 'node:crypto';
import type { BlueskyTestNetwork } from './test-network.js';

/** An account on the local network, with an app password for connecting it as a person would. */
export interface TestAccount {
  readonly did: string;
  readonly handle: string;
  readonly password: string;
  readonly appPassword: string;
  /** A session of its own (main password), for acting as this account in tests. */
  readonly accessJwt: string;
}

/**
 * Creates an account through the PDS's own API (the local network asks for no invite code). Handles are unique
 * per call, so test files sharing one network never meet each other's accounts.
 */
export async function createTestAccount(network: BlueskyTestNetwork, name: string): Promise<TestAccount> {
  const front = `${name
    .toLowerCase()
    .replace(/[^a-z0-9]/gu, '')
    .slice(0, 10)}${randomBytes(4).toString('hex')}`;
  const handle = `${front}.test`;
  const password = randomBytes(12).toString('base64url');
  const created = await xrpc<{ did: string; accessJwt: string }>(
    network,
    'com.atproto.server.createAccount',
    {
      body: { handle, email: `${front}@chorus.test`, password },
    },
  );
  const app = await xrpc<{ password: string }>(network, 'com.atproto.server.createAppPassword', {
    body: { name: 'Chorus' },
    token: created.accessJwt,
  });
  return { did: created.did, handle, password, appPassword: app.password, accessJwt: created.accessJwt };
}

/** A plain XRPC call on the local PDS, for test helpers; failures throw with the PDS's answer. */
export async function xrpc<T>(
  network: BlueskyTestNetwork,
  nsid: string,
  options: {
    readonly body?: unknown;
    readonly params?: Readonly<Record<string, string | readonly string[]>>;
    readonly token?: string;
  } = {},
): Promise<T> {
  const url = new URL(`/xrpc/${nsid}`, network.pdsUrl);
  for (const [key, value] of Object.entries(options.params ?? {})) {
    for (const item of typeof value === 'string' ? [value] : value) {
      url.searchParams.append(key, item);
    }
  }
  const response = await fetch(url, {
    method: options.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${nsid}: HTTP ${response.status} ${text}`);
  }
  return (text ? JSON.parse(text) : {}) as T;
}
