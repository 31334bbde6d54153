import { z } from 'zod';

export interface SchemaProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

export type SchemaParseResult =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly problems: SchemaProblem[] };

const compiled = new WeakMap<object, z.ZodType>();

/** Validates a value against a manifest's JSON Schema (configuration, post settings), filling defaults. */
export function parseWithJsonSchema(schema: object, value: unknown): SchemaParseResult {
  let validator = compiled.get(schema);
  if (!validator) {
    validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    compiled.set(schema, validator);
  }
  const result = validator.safeParse(value ?? {});
  if (result.success) {
    return { ok: true, value: result.data as Record<string, unknown> };
  }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
      message: issue.message,
    })),
  };
}
