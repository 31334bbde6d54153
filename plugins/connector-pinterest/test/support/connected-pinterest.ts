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
} from '@chorus/connector-sdk';
import { pinterestConnector } from '../../src/index.js';
import {
  createPinterestContractSetup,
  sampleMedia,
  type PinterestContractSetup,
  type PinterestFakeOptions,
} from '../../src/testing/index.js';

export interface ConnectedPinterest {
  readonly setup: PinterestContractSetup;
  readonly connector: Connector;
  readonly credentials: Credentials;
  /** The board the helpers pin to. */
  readonly boardId: string;
  /** A connector on the same fake with other configuration. */
  connectorWith(config: Record<string, unknown>, clock?: Clock): Promise<Connector>;
  /** Runs the browser flow again: new credentials for the same account. */
  connect(connector?: Connector): Promise<Credentials>;
  close(): Promise<void>;
}

/** The fake Pinterest, the connector configured for it, and `chorusbrand` connected through OAuth. */
export async function connectedPinterest(
  options: PinterestFakeOptions = {},
  config: Record<string, unknown> = {},
): Promise<ConnectedPinterest> {
  const setup = await createPinterestContractSetup(options);
  const parsed = parseManifest(pinterestConnector.manifest);
  if (!parsed.ok) {
    throw new Error('invalid manifest');
  }
  const connectorWith = (extra: Record<string, unknown>, clock?: Clock) =>
    pinterestConnector.create(
      createConnectorContext({
        manifest: parsed.manifest,
        config: { ...setup.config, ...config, ...extra },
        logger: silentLogger,
        timeoutMs: 1000,
        ...(clock ? { clock } : {}),
      }),
    );
  const connector = await connectorWith({});
  const connect = async (using: Connector = connector) => {
    const oauth = setup.auth.oauth2!;
    const pkce = createPkcePair();
    const start = await using.auth.oauth2!.start({
      redirectUri: oauth.redirectUri,
      state: createOAuthState(),
      codeChallenge: pkce.challenge,
    });
    const consent = await oauth.consent(start.url);
    return using.auth.oauth2!.exchange({
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
    boardId: setup.boards[0]!.id,
    connectorWith,
    connect,
    close: async () => {
      await connector.close();
      await setup.fake.close();
    },
  };
}

let counter = 0;

/** A publish input for an image pin on the first board; `post` fields win. */
export function pinInput(boardId: string, post: Partial<PostInput> = {}) {
  counter += 1;
  const key = `pin-${counter}-${Date.now()}`;
  return {
    idempotencyKey: key,
    fingerprint: key,
    post: {
      text: `Pin number ${counter}`,
      media: [sampleMedia('image', 'image/jpeg')],
      ...post,
      settings: { boardId, ...post.settings },
    },
  };
}

/** A raw call to the fake, as Pinterest would answer any client. */
export async function rawCall(
  url: string,
  init: RequestInit & { token?: string; json?: unknown } = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown>; text: string }> {
  const headers = new Headers(init.headers);
  if (init.token) {
    headers.set('authorization', `Bearer ${init.token}`);
  }
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const response = await fetch(url, { ...init, headers, body });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // Not JSON (the upload answers XML): the text is there.
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** What publish threw, or fails the test when it succeeded. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure, but it succeeded');
    },
    (caught: unknown) => caught,
  );
}
