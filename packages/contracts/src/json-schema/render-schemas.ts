import { z } from 'zod';
import type { EventContract } from '../envelope/event-contract.js';
import { EventEnvelopeSchema } from '../envelope/event-envelope.js';

// JSON Schemas for readers that are not TypeScript (other languages, schema registries, docs). Each topic's
// schema refers to the envelope's by $id, so a change to one contract touches one file.

export const ENVELOPE_SCHEMA_FILE = 'envelope.json';
const ENVELOPE_ID = 'urn:chorus:schema:envelope';
const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

type JsonSchema = Record<string, unknown>;

export function schemaFileName(contract: EventContract<unknown>): string {
  return `${contract.topic}.json`;
}

export function envelopeJsonSchema(): JsonSchema {
  return {
    $schema: DIALECT,
    $id: ENVELOPE_ID,
    title: 'Chorus event envelope',
    ...withoutDialect(toJsonSchema(EventEnvelopeSchema)),
  };
}

export function contractJsonSchema(contract: EventContract<unknown>): JsonSchema {
  const payload = withoutDialect(toJsonSchema(contract.payload));
  const summary = typeof payload['description'] === 'string' ? payload['description'] : contract.type;
  return {
    $schema: DIALECT,
    $id: `urn:chorus:schema:${contract.topic}`,
    title: `${contract.type} v${contract.version}`,
    description: `${summary}. Topic: ${contract.topic}.`,
    allOf: [{ $ref: ENVELOPE_ID }],
    type: 'object',
    properties: {
      type: { const: contract.type },
      version: { const: contract.version },
      source: { const: contract.source },
      payload,
    },
    required: ['type', 'version', 'source', 'payload'],
  };
}

/** Every generated schema file, by file name, as the exact text to commit. */
export function renderSchemas(contracts: readonly EventContract<unknown>[]): Map<string, string> {
  const files = new Map<string, string>([[ENVELOPE_SCHEMA_FILE, renderJson(envelopeJsonSchema())]]);
  for (const contract of contracts) {
    files.set(schemaFileName(contract), renderJson(contractJsonSchema(contract)));
  }
  return files;
}

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function toJsonSchema(schema: z.ZodType): JsonSchema {
  // 'input' describes what Chorus accepts: unknown extra fields are tolerated (and dropped) by readers.
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
}

function withoutDialect(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}
