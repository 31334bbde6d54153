import { z } from 'zod';
import { VaultKeyRing } from '@chorus/gateway';

/**
 * CHORUS_VAULT_MASTER_KEYS: `id:base64,id:base64,...` (32-byte keys), the first one wraps new secrets, the others
 * only open (docs/adr/0013, 0014). Checked at start; a problem names the entry, never the key.
 */
export const vaultMasterKeysVariable = z
  .string()
  .optional()
  .superRefine((value, context) => {
    if (value === undefined) {
      return;
    }
    try {
      VaultKeyRing.parse(value);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
    }
  })
  .describe(
    'the token vault master keys as id:base64 (32 bytes), the active one first; `chorus keygen` prints one',
  );

/** CHORUS_INTERNAL_TOKEN: what services present to the gateway's internal credentials API. */
export const internalTokenVariable = z
  .string()
  .min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)')
  .optional()
  .describe('the token services present to the internal credentials API, at least 32 random characters');
