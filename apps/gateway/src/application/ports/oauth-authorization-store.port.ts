import type { SealedSecret, VaultBinding } from './token-vault.port.js';

/**
 * An OAuth authorization between its start and its callback: who asked, for which workspace and network, and
 * (sealed) the PKCE verifier and the connector's pending values. Keyed by the SHA-256 of the state.
 */
export interface PendingAuthorization {
  readonly stateHash: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly memberId: string;
  readonly network: string;
  readonly redirectUri: string;
  readonly sealed: SealedSecret;
  readonly expiresAt: Date;
}

export interface OAuthAuthorizationStore {
  add(pending: PendingAuthorization): Promise<void>;
  /** Removes and returns it in one statement, so a state works once even when two callbacks race. */
  consume(stateHash: string): Promise<PendingAuthorization | null>;
}

/** What is sealed for a pending authorization: the vault binds it to ('oauth-authorization', stateHash). */
export interface PendingSecret {
  readonly codeVerifier: string;
  readonly pending: Readonly<Record<string, string>>;
}

export function pendingBinding(tenantId: string, stateHash: string): VaultBinding {
  return { tenantId, subject: 'oauth-authorization', subjectId: stateHash };
}
