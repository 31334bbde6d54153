import type { AccountProfile, Credentials } from './credentials.js';

export interface AuthorizationRequest {
  readonly redirectUri: string;
  /** Opaque value echoed back on the redirect, checked by the caller against CSRF. */
  readonly state: string;
  /** PKCE S256 challenge of a verifier the caller keeps (see createPkcePair). */
  readonly codeChallenge: string;
  readonly scopes?: readonly string[];
  /** Values from the manifest's auth.params form (a Mastodon instance). */
  readonly params?: Readonly<Record<string, string>>;
}

export interface AuthorizationStart {
  /** Where to send the person's browser. */
  readonly url: string;
  /** Secret values the caller keeps until the exchange (a per-instance client registration). */
  readonly pending: Readonly<Record<string, string>>;
}

export interface CodeExchange {
  readonly code: string;
  readonly redirectUri: string;
  readonly codeVerifier: string;
  readonly pending: Readonly<Record<string, string>>;
}

export interface OAuth2Flow {
  start(request: AuthorizationRequest): Promise<AuthorizationStart>;
  exchange(request: CodeExchange): Promise<Credentials>;
}

export interface PasswordLogin {
  /** A handle, e-mail or id. */
  readonly identifier: string;
  /** An app password (Bluesky) or API token, never the account's main password where the network offers one. */
  readonly password: string;
  readonly params?: Readonly<Record<string, string>>;
}

export interface PasswordFlow {
  login(request: PasswordLogin): Promise<Credentials>;
}

/** Connects accounts; which flows exist is declared in manifest.capabilities.auth. */
export interface AuthCapability {
  readonly oauth2?: OAuth2Flow;
  /** App passwords and tokens: the person pastes a secret the network issued. */
  readonly password?: PasswordFlow;
  /** Renews expiring credentials (refresh token, session refresh); the old refresh token may be consumed. */
  refresh?(credentials: Credentials): Promise<Credentials>;
  revoke?(credentials: Credentials): Promise<void>;
  /** Who the credentials belong to; throws ReauthRequiredError when they no longer work. */
  verify(credentials: Credentials): Promise<AccountProfile>;
}
