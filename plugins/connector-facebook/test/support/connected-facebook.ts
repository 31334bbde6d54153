import {
  createConnectorContext,
  createOAuthState,
  createPkcePair,
  parseManifest,
  silentLogger,
  type Connector,
  type Credentials,
} from '@chorus/connector-sdk';
import { facebookConnector } from '../../src/index.js';
import {
  createFacebookContractSetup,
  type FacebookContractSetup,
  type FacebookFakeOptions,
} from '../../src/testing/index.js';

export interface ConnectedFacebook {
  readonly setup: FacebookContractSetup;
  readonly connector: Connector;
  readonly credentials: Credentials;
}

/** A fake Graph API, the connector, and the test Page connected through Facebook Login. */
export async function connectedFacebook(
  options: FacebookFakeOptions = {},
  config: Record<string, unknown> = {},
  connect: {
    /** Runs on the fake before the login (more Pages, faults); returns the auth parameters given (pageId). */
    readonly before?: (setup: FacebookContractSetup) => Readonly<Record<string, string>> | void;
  } = {},
): Promise<ConnectedFacebook> {
  const setup = await createFacebookContractSetup(options);
  const params = connect.before?.(setup) ?? undefined;
  const parsed = parseManifest(facebookConnector.manifest);
  if (!parsed.ok) {
    throw new Error('invalid manifest');
  }
  const context = createConnectorContext({
    manifest: parsed.manifest,
    config: { ...setup.config, ...config },
    logger: silentLogger,
    timeoutMs: 1000,
  });
  const connector = await facebookConnector.create(context);
  const oauth = setup.auth.oauth2!;
  const state = createOAuthState();
  const start = await connector.auth.oauth2!.start({
    redirectUri: oauth.redirectUri,
    state,
    codeChallenge: createPkcePair().challenge,
    params,
  });
  const consent = await oauth.consent(start.url);
  const credentials = await connector.auth.oauth2!.exchange({
    code: consent.code,
    redirectUri: oauth.redirectUri,
    codeVerifier: '',
    pending: start.pending,
  });
  return { setup, connector, credentials };
}

/** What a call threw, for assertions on the error's kind and message. */
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

/** A Graph answer as the specs read it: every field any of them looks at, all optional. */
export interface GraphAnswer {
  readonly id?: string;
  readonly data?: readonly (GraphAnswer & { readonly message?: string; readonly name?: string })[];
  readonly summary?: { readonly total_count: number };
  readonly paging?: { readonly next?: string; readonly cursors: { readonly after: string } };
  readonly error?: { readonly code: number; readonly message: string; readonly [key: string]: unknown };
  readonly permalink_url?: string;
  readonly is_hidden?: boolean;
  readonly from?: unknown;
  readonly message_id?: string;
  readonly status?: unknown;
}
