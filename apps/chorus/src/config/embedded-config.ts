import { z } from 'zod';
import { hostVariable, logLevelVariable, portVariable } from '@chorus/service-kit';
import { connectorsFileVariable } from './connectors-file.js';
import { publicUrlVariable } from './public-url.js';
import { vaultMasterKeysVariable } from './vault-config.js';

/** `chorus start`. Every variable has a default: a fresh machine needs no configuration. */
export const embeddedConfigSchema = z.object({
  PORT: portVariable(3000),
  HOST: hostVariable('127.0.0.1'),
  LOG_LEVEL: logLevelVariable,
  CHORUS_DATA_DIR: z
    .string()
    .default('./.chorus-data')
    .describe(
      "a writable directory for the embedded database and keys (default ./.chorus-data), or 'memory://'",
    ),
  CHORUS_CONSOLE_DIR: z
    .string()
    .optional()
    .describe('the directory of the console build (default apps/console/build)'),
  CHORUS_CONNECTORS_FILE: connectorsFileVariable,
  CHORUS_PUBLIC_URL: publicUrlVariable,
  CHORUS_VAULT_MASTER_KEYS: vaultMasterKeysVariable,
});

export type EmbeddedConfig = z.infer<typeof embeddedConfigSchema>;
