import { z } from 'zod';

/**
 * A JSON Schema (draft 2020-12) describing an object, as produced by `jsonSchemaOf`. The console renders it
 * as a form; properties marked `"x-chorus-secret": true` are stored in the token vault and never shown or logged.
 */
export const ObjectJsonSchemaSchema = z
  .looseObject({
    type: z.literal('object'),
    properties: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    required: z.array(z.string()).optional(),
  })
  .describe('JSON Schema of an object');

export type ObjectJsonSchema = z.output<typeof ObjectJsonSchemaSchema>;
