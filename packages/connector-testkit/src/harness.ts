import { randomUUID } from 'node:crypto';
import {
  createConnectorContext,
  createOAuthState,
  createPkcePair,
  silentLogger,
  type Connector,
  type ConnectorManifest,
  type Credentials,
  type PostInput,
} from '@chorus/connector-sdk';
import type { ContractSetup, ContractTestOptions } from './contract-setup.js';

/** What every contract test works with; built once in beforeAll. */
export interface Harness {
  readonly manifest: ConnectorManifest;
  readonly setup: ContractSetup;
  readonly connector: Connector;
  readonly credentials: Credentials;
  /** A second, independent connection of the same account (to expire or revoke without harming the rest). */
  connectAgain(): Promise<Credentials>;
}

export class HarnessHolder {
  private value: Harness | undefined;
  private failure: unknown;

  constructor(
    private readonly manifest: ConnectorManifest,
    private readonly options: ContractTestOptions,
  ) {}

  async start(): Promise<void> {
    try {
      const setup = await this.options.setup();
      const context = createConnectorContext({
        manifest: this.manifest,
        config: setup.config,
        timeoutMs: setup.httpTimeoutMs ?? 2000,
        logger: silentLogger,
      });
      const connector = await this.options.connector.create(context);
      const connectAgain = () => connect(this.manifest, connector, setup);
      this.value = {
        manifest: this.manifest,
        setup,
        connector,
        credentials: await connectAgain(),
        connectAgain,
      };
    } catch (error) {
      this.failure = error;
    }
  }

  async stop(): Promise<void> {
    await this.value?.connector.close();
    await this.value?.setup.teardown?.();
  }

  get(): Harness {
    if (!this.value) {
      const reason = this.failure instanceof Error ? this.failure.message : String(this.failure);
      throw new Error(`The connector could not be created and connected: ${reason}`, { cause: this.failure });
    }
    return this.value;
  }
}

async function connect(
  manifest: ConnectorManifest,
  connector: Connector,
  setup: ContractSetup,
): Promise<Credentials> {
  const methods = manifest.capabilities.auth.methods;
  const oauth = setup.auth.oauth2;
  if (methods.includes('oauth2') && oauth && connector.auth.oauth2) {
    const pkce = createPkcePair();
    const state = createOAuthState();
    const start = await connector.auth.oauth2.start({
      redirectUri: oauth.redirectUri,
      state,
      codeChallenge: pkce.challenge,
      params: oauth.params,
    });
    const consent = await oauth.consent(start.url);
    if (consent.state !== state) {
      throw new Error(`the redirect carried state ${String(consent.state)}, not ${state}`);
    }
    return connector.auth.oauth2.exchange({
      code: consent.code,
      redirectUri: oauth.redirectUri,
      codeVerifier: pkce.verifier,
      pending: start.pending,
    });
  }
  const password = setup.auth.password;
  if (
    (methods.includes('app-password') || methods.includes('token')) &&
    password &&
    connector.auth.password
  ) {
    return connector.auth.password.login(password);
  }
  throw new Error(`setup.auth gives no way to connect with the declared methods (${methods.join(', ')})`);
}

/** A label unique to this run, so that posts of one test never match another's. */
export function unique(label: string): string {
  return `${label} ${randomUUID().slice(0, 8)}`;
}

/** A post the kit publishes, on top of the setup's base post (media for networks that need it). */
export function withBase(harness: Harness, post: PostInput): PostInput {
  return { ...harness.setup.basePost?.(), ...post };
}
