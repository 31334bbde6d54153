import type { TokenVault, VaultBinding } from '../../application/ports/token-vault.port.js';
import { TwoFactorVaultMissingError } from '../../domain/account.errors.js';
import type { TwoFactor } from '../../domain/member.aggregate.js';
import type { MemberOrmEntity } from './member.orm-entity.js';

type SecretColumns = Pick<MemberOrmEntity, 'totpSealed' | 'totpSecretUnsealed' | 'totpPendingSecretUnsealed'>;
type Secrets = Pick<TwoFactor, 'secret' | 'pendingSecret'>;

export function totpBinding(tenantId: string, memberId: string): VaultBinding {
  return { tenantId, subject: 'totp', subjectId: memberId };
}

/** The columns for a member's TOTP secrets: sealed by the vault (ADR 0013). */
export function sealTwoFactorSecrets(
  vault: TokenVault | undefined,
  binding: VaultBinding,
  secrets: Secrets,
): SecretColumns {
  const cleared = { totpSecretUnsealed: null, totpPendingSecretUnsealed: null };
  if (secrets.secret === null && secrets.pendingSecret === null) {
    return { totpSealed: null, ...cleared };
  }
  if (vault === undefined) {
    // Only secrets stored in clear before the vault held them get here (set-up refuses without a vault): they
    // stay as they were, so their members can still sign in, until a vault is configured and seals them.
    return {
      totpSealed: null,
      totpSecretUnsealed: secrets.secret,
      totpPendingSecretUnsealed: secrets.pendingSecret,
    };
  }
  const plain = JSON.stringify({ secret: secrets.secret, pendingSecret: secrets.pendingSecret });
  return { totpSealed: vault.seal(plain, binding), ...cleared };
}

/** The member's TOTP secrets from the row: opened from the vault, or a clear value not yet sealed at start. */
export function openTwoFactorSecrets(
  vault: TokenVault | undefined,
  binding: VaultBinding,
  row: SecretColumns,
): Secrets {
  if (row.totpSealed === null) {
    return { secret: row.totpSecretUnsealed, pendingSecret: row.totpPendingSecretUnsealed };
  }
  if (vault === undefined) {
    throw new TwoFactorVaultMissingError();
  }
  return JSON.parse(vault.open(row.totpSealed, binding)) as Secrets;
}
