import { z } from 'zod';
import { hostVariable, logLevelVariable, pemVariable, portVariable } from '@chorus/service-kit';
import { connectorsFileVariable } from './connectors-file.js';
import { mediaDirVariable, mediaUrlKeyVariable } from './media-config.js';
import { publicUrlVariable } from './public-url.js';
import { trustProxyVariable } from './trust-proxy.js';
import { internalTokenVariable, vaultMasterKeysVariable } from './vault-config.js';
import {
  allowPrivateTargetsVariable,
  mailFromVariable,
  smtpAllowPlaintextVariable,
  smtpUrlVariable,
} from './mail-config.js';

const generateHint = 'print a fresh pair with `chorus keygen`';

const databaseUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL')
  .describe('the PostgreSQL URL, e.g. postgres://chorus:secret@db:5432/chorus');

/** `chorus serve <service>` for a service behind the gateway. */
export const serviceConfigSchema = z.object({
  PORT: portVariable(3000),
  HOST: hostVariable('0.0.0.0'),
  LOG_LEVEL: logLevelVariable,
  DATABASE_URL: databaseUrl,
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .describe(
      'the Kafka bootstrap servers as a comma-separated host:port list, e.g. kafka-1:9092,kafka-2:9092',
    ),
  CHORUS_IDENTITY_PUBLIC_KEY: pemVariable(
    "Ed25519 public key that verifies the gateway's signed identities",
    generateHint,
  ),
  KAFKA_CONSUMER_GROUP_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, dot, underscore, dash')
    .default('')
    .describe(
      "a prefix for this installation's consumer groups when several share one Kafka cluster, e.g. acme.",
    ),
  CHORUS_CONNECTORS_FILE: connectorsFileVariable,
  CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS: allowPrivateTargetsVariable,
  // The content service's publisher reads channel credentials from the gateway's internal API.
  CHORUS_GATEWAY_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe("the gateway's base URL for the internal credentials API, e.g. http://gateway:3000"),
  CHORUS_INTERNAL_TOKEN: internalTokenVariable,
  // How many publish attempts one content process runs at once (docs/publishing.md, "Running it").
  CHORUS_PUBLISHER_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(5000)
    .optional()
    .describe(
      'publish attempts one content process runs at once, 1 to 5000 (default 1000); they mostly wait on the networks',
    ),
  // The content service's media library: files, the key of its signed links, and where networks reach them.
  CHORUS_MEDIA_DIR: mediaDirVariable,
  CHORUS_MEDIA_URL_KEY: mediaUrlKeyVariable,
  CHORUS_PUBLIC_URL: publicUrlVariable,
});

export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

const upstreamUrl = (service: string) =>
  z
    .url({ protocol: /^https?$/ })
    .describe(`the base URL of the ${service} service, e.g. http://${service}:3000`);

/** `chorus serve gateway`. */
export const gatewayConfigSchema = z.object({
  PORT: portVariable(3000),
  HOST: hostVariable('0.0.0.0'),
  LOG_LEVEL: logLevelVariable,
  DATABASE_URL: databaseUrl,
  CHORUS_IDENTITY_PRIVATE_KEY: pemVariable(
    'Ed25519 private key that signs identities for the services',
    generateHint,
  ),
  CHORUS_STRATEGY_URL: upstreamUrl('strategy'),
  CHORUS_CONTENT_URL: upstreamUrl('content'),
  CHORUS_COMMUNITY_URL: upstreamUrl('community'),
  CHORUS_ADS_URL: upstreamUrl('ads'),
  CHORUS_ANALYTICS_URL: upstreamUrl('analytics'),
  CHORUS_PUBLIC_URL: publicUrlVariable,
  CHORUS_TRUST_PROXY: trustProxyVariable,
  CHORUS_VAULT_MASTER_KEYS: vaultMasterKeysVariable,
  CHORUS_INTERNAL_TOKEN: internalTokenVariable,
  CHORUS_CONNECTORS_FILE: connectorsFileVariable,
  CHORUS_SMTP_URL: smtpUrlVariable,
  CHORUS_SMTP_ALLOW_PLAINTEXT: smtpAllowPlaintextVariable,
  CHORUS_MAIL_FROM: mailFromVariable,
  CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS: allowPrivateTargetsVariable,
  KAFKA_CONSUMER_GROUP_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, dot, underscore, dash')
    .default('')
    .describe(
      "a prefix for this installation's consumer groups when several share one Kafka cluster, e.g. acme.",
    ),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function upstreamUrlOf(config: GatewayConfig, service: string): string {
  const key = `CHORUS_${service.toUpperCase()}_URL` as keyof GatewayConfig;
  const url = config[key];
  if (typeof url !== 'string') {
    throw new Error(`no upstream URL variable for ${service}`);
  }
  return url;
}
