/** The kinds of secret the vault holds; each names what the secret belongs to. */
export type VaultSubject = 'channel' | 'oauth-authorization' | 'totp' | 'notification-webhook';

/**
 * What a secret is bound to: an agency and a subject (kind and id), e.g. ('channel', channelId),
 * ('totp', memberId). Opening it for another agency, another kind or another id fails.
 */
export interface VaultBinding {
  readonly tenantId: string;
  readonly subject: VaultSubject;
  readonly subjectId: string;
}

export function channelBinding(ref: { tenantId: string; channelId: string }): VaultBinding {
  return { tenantId: ref.tenantId, subject: 'channel', subjectId: ref.channelId };
}

/** A secret as stored: envelope-encrypted, with the id of the master key that wrapped its data key. */
export interface SealedSecret {
  readonly version: 1;
  /** The master key that wrapped `wrappedKey`. */
  readonly keyId: string;
  /** The data key, AES-256-GCM under the master key: iv (12) | ciphertext (32) | tag (16), base64url. */
  readonly wrappedKey: string;
  /** The secret, AES-256-GCM under the data key: iv (12) | ciphertext | tag (16), base64url. */
  readonly ciphertext: string;
}

/** Envelope encryption of the gateway's secrets at rest (docs/adr/0013-token-vault.md). */
export interface TokenVault {
  /** The id of the master key that wraps new secrets. */
  readonly activeKeyId: string;
  seal(plaintext: string, binding: VaultBinding): SealedSecret;
  /** Throws VaultError when the key is unknown, the binding differs or anything was tampered with. */
  open(sealed: SealedSecret, binding: VaultBinding): string;
  /** True when the secret is wrapped by a key other than the active one. */
  needsRewrap(sealed: SealedSecret): boolean;
  /** The same secret with its data key re-wrapped under the active master key (the data is not re-encrypted). */
  rewrap(sealed: SealedSecret, binding: VaultBinding): SealedSecret;
}
