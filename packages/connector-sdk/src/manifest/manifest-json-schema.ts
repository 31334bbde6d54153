import { z } from 'zod';
import { ConnectorManifestSchema } from './manifest.schema.js';
import { AltTextLimitsSchema, MediaRuleSchema } from './limits.schema.js';
import { ObjectJsonSchemaSchema } from './object-json-schema.schema.js';
import { TextLimitsSchema, TextRuleSchema } from './text-rule.schema.js';

export const MANIFEST_SCHEMA_ID = 'https://chorus.dev/schemas/connector-manifest.v1.json';

// A private registry names the shared parts ($defs) without touching zod's global registry, which a second copy
// of the SDK in the same process would collide with.
const named = z.registry<{ id: string }>();
named.add(TextRuleSchema, { id: 'TextRule' });
named.add(TextLimitsSchema, { id: 'TextLimits' });
named.add(AltTextLimitsSchema, { id: 'AltTextLimits' });
named.add(MediaRuleSchema, { id: 'MediaRule' });
named.add(ObjectJsonSchemaSchema, { id: 'ObjectJsonSchema' });

/** The manifest's JSON Schema, committed as schemas/manifest.schema.json (regenerate with `npm run generate`). */
export function manifestJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConnectorManifestSchema, {
    io: 'input',
    target: 'draft-2020-12',
    metadata: named,
  });
  return {
    $schema: schema.$schema,
    $id: MANIFEST_SCHEMA_ID,
    title: 'Chorus connector manifest',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
