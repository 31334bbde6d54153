import { z } from 'zod';
import { hostVariable, logLevelVariable, portVariable } from '@chorus/service-kit';
import { connectorsFileVariable } from './connectors-file.js';
import { publicUrlVariable } from './public-url.js';
import { trustProxyVariable } from './trust-proxy.js';
import { vaultMasterKeysVariable } from './vault-config.js';
import {
  allowPrivateTargetsVariable,
  mailFromVariable,
  smtpAllowPlaintextVariable,
  smtpUrlVariable,
} from './mail-config.js';

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
  CHORUS_TRUST_PROXY: trustProxyVariable,
  CHORUS_VAULT_MASTER_KEYS: vaultMasterKeysVariable,
  CHORUS_SMTP_URL: smtpUrlVariable,
  CHORUS_SMTP_ALLOW_PLAINTEXT: smtpAllowPlaintextVariable,
  CHORUS_MAIL_FROM: mailFromVariable,
  CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS: allowPrivateTargetsVariable,
});

export type EmbeddedConfig = z.infer<typeof embeddedConfigSchema>;
