import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/** One schema language for validation and documentation: zod, rendered as an OpenAPI 3.0 schema object. */
export function openApiSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return json;
}
