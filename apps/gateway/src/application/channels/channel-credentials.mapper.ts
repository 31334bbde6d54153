import type { Credentials } from '@chorus/connector-sdk';
import { channelBinding, type SealedSecret, type TokenVault } from '../ports/token-vault.port.js';

/** Credentials are sealed as their JSON, bound to the agency and the channel (ADR 0013). */
export function sealCredentials(
  vault: TokenVault,
  ref: { tenantId: string; channelId: string },
  credentials: Credentials,
): SealedSecret {
  return vault.seal(JSON.stringify(credentials), channelBinding(ref));
}

export function openCredentials(
  vault: TokenVault,
  ref: { tenantId: string; channelId: string },
  sealed: SealedSecret,
): Credentials {
  return JSON.parse(vault.open(sealed, channelBinding(ref))) as Credentials;
}

export function grantOf(credentials: Credentials): { scopes: readonly string[]; expiresAt: Date | null } {
  return {
    scopes: credentials.scopes ?? [],
    expiresAt: credentials.expiresAt === undefined ? null : new Date(credentials.expiresAt),
  };
}
