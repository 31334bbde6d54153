import { z } from 'zod';
import { CapabilitiesSchema } from './capabilities.schema.js';
import { LimitsSchema } from './limits.schema.js';
import { ObjectJsonSchemaSchema } from './object-json-schema.schema.js';
import { RateLimitPolicySchema } from './rate-limit-policy.schema.js';
import { checkManifestConsistency } from './manifest-consistency.js';

export const NetworkIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes, starting with a letter');

/** What a connector declares about its network; the console and the host act on it without code of their own. */
export const ConnectorManifestSchema = z
  .object({
    manifestVersion: z.literal(1),
    network: NetworkIdSchema,
    displayName: z.string().min(1).max(80),
    description: z.string().max(500).optional(),
    homepage: z.url().optional(),
    sdk: z.string().min(1).describe('Semver range of @chorus/connector-sdk the connector is written for'),
    capabilities: CapabilitiesSchema,
    limits: LimitsSchema,
    rateLimits: RateLimitPolicySchema,
    configSchema: ObjectJsonSchemaSchema.describe('Connector configuration, with secret fields marked'),
    postSettingsSchema: ObjectJsonSchemaSchema.describe('Per-post settings the composer renders as a form'),
  })
  .strict()
  .superRefine(checkManifestConsistency);

/** The manifest as a connector author writes it (defaults may be left out). */
export type ConnectorManifestInput = z.input<typeof ConnectorManifestSchema>;
/** The manifest after parsing, every default filled in. */
export type ConnectorManifest = z.output<typeof ConnectorManifestSchema>;
