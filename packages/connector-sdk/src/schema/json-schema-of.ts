import { z } from 'zod';
import type { ObjectJsonSchema } from '../manifest/object-json-schema.schema.js';

export const SECRET_KEYWORD = 'x-chorus-secret';

/** Marks a configuration field as secret: kept in the token vault, redacted from logs, never shown back. */
export function secret<T extends z.ZodType>(schema: T): T {
  return schema.meta({ [SECRET_KEYWORD]: true, writeOnly: true });
}

/** Turns a zod object schema into the JSON Schema a manifest carries (configSchema, postSettingsSchema). */
export function jsonSchemaOf(schema: z.ZodObject): ObjectJsonSchema {
  return z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as ObjectJsonSchema;
}
