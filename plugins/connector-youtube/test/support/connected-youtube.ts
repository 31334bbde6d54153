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
  type PostInput,
  type PublishInput,
} from '@chorus/connector-sdk';
import { youtubeConnector } from '../../src/index.js';
import {
  createYoutubeContractSetup,
  sampleVideo,
  type YoutubeContractSetup,
  type YoutubeFakeOptions,
} from '../../src/testing/index.js';

export interface ConnectedYoutube {
  readonly setup: YoutubeContractSetup;
  readonly connector: Connector;
  readonly credentials: Credentials;
  /** Runs the browser flow again: new credentials for the same channel. */
  connect(scopes?: readonly string[]): Promise<Credentials>;
  /** A publish input with a fresh key, a video and a title. */
  input(text: string, post?: Partial<PostInput>): PublishInput;
  close(): Promise<void>;
}

/** A clock that follows the fake's (tests move both forward together). */
export const clockOf = (now: () => Date): Clock => ({
  now,
  sleep: () => Promise.resolve(),
});

let counter = 0;

/** The fake YouTube, the connector configured for it, and the `Chorus Brand` channel connected through OAuth. */
export async function connectedYoutube(
  options: YoutubeFakeOptions = {},
  config: Record<string, unknown> = {},
  logger: Logger = silentLogger,
): Promise<ConnectedYoutube> {
  const setup = await createYoutubeContractSetup(options);
  const parsed = parseManifest(youtubeConnector.manifest);
  if (!parsed.ok) {
    throw new Error('invalid manifest');
  }
  const context = createConnectorContext({
    manifest: parsed.manifest,
    config: { ...setup.config, ...config },
    logger,
    timeoutMs: 1000,
    clock: clockOf(() => setup.fake.now()),
  });
  const connector = await youtubeConnector.create(context);
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
    input(text, post = {}) {
      counter += 1;
      const key = `test-${counter}-${Date.now()}`;
      return {
        idempotencyKey: key,
        fingerprint: key,
        post: { text, media: [sampleVideo()], settings: { title: `Video ${counter}` }, ...post },
      };
    },
    close: async () => {
      await connector.close();
      await setup.fake.close();
    },
  };
}

/** Runs a promise that must fail; answers what it threw. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure, got a success');
    },
    (caught: unknown) => caught,
  );
}
