import type { ObjectJsonSchema } from '../manifest/object-json-schema.schema.js';
import { SECRET_KEYWORD } from './json-schema-of.js';

/** Names of the properties marked secret, at any depth, so that loggers can redact them. */
export function secretFields(schema: ObjectJsonSchema | Record<string, unknown>): string[] {
  const names = new Set<string>();
  visit(schema, names);
  return [...names];
}

function visit(node: unknown, names: Set<string>): void {
  if (node === null || typeof node !== 'object') {
    return;
  }
  const properties = (node as { properties?: Record<string, unknown> }).properties;
  if (properties && typeof properties === 'object') {
    for (const [name, property] of Object.entries(properties)) {
      if (
        property &&
        typeof property === 'object' &&
        (property as Record<string, unknown>)[SECRET_KEYWORD] === true
      ) {
        names.add(name);
      }
      visit(property, names);
    }
  }
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf'] as const) {
    const child = (node as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      child.forEach((entry) => visit(entry, names));
    } else {
      visit(child, names);
    }
  }
}
