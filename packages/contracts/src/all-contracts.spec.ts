import { describe, expect, it } from 'vitest';
import { allContracts } from './all-contracts.js';
import { ContractRegistry } from './envelope/contract-registry.js';
import { createEnvelope } from './envelope/create-envelope.js';
import { parseEnvelope } from './envelope/parse-envelope.js';
import { contractJsonSchema } from './json-schema/render-schemas.js';
import { contractExamples, exampleMeta } from './testing/contract-examples.js';

const SERVICES = ['gateway', 'strategy', 'content', 'community', 'ads', 'analytics'];
// Secrets never travel on Kafka: no payload may even have a field that looks like one.
const SECRET_LIKE = /token|secret|password|credential|api-?key|cookie/i;

/** Every property name declared anywhere in a JSON Schema, as a dotted path. */
function propertyNames(schema: unknown, path = ''): string[] {
  if (Array.isArray(schema)) {
    return schema.flatMap((item) => propertyNames(item, path));
  }
  if (typeof schema !== 'object' || schema === null) {
    return [];
  }
  return Object.entries(schema).flatMap(([key, value]) => {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      return Object.entries(value as Record<string, unknown>).flatMap(([name, sub]) => [
        `${path}.${name}`,
        ...propertyNames(sub, `${path}.${name}`),
      ]);
    }
    return propertyNames(value, path);
  });
}

describe('allContracts', () => {
  it('has one contract per topic, each owned by a known service', () => {
    expect(() => new ContractRegistry(allContracts)).not.toThrow();
    for (const contract of allContracts) {
      expect(SERVICES).toContain(contract.source);
      expect(contract.topic).toMatch(/^chorus\.[a-z-]+\.[a-z]+(?:-[a-z0-9]+)*\.v\d+$/);
    }
  });

  it('has a valid example per contract that survives the trip through Kafka bytes', () => {
    const registry = new ContractRegistry(allContracts);
    expect(contractExamples.map((example) => example.contract.topic).sort()).toEqual(
      allContracts.map((contract) => contract.topic).sort(),
    );
    for (const { contract, payload } of contractExamples) {
      const envelope = createEnvelope(contract, exampleMeta, payload);
      const parsed = parseEnvelope(Buffer.from(JSON.stringify(envelope)), registry);
      expect(parsed, contract.topic).toEqual({ ok: true, envelope, contract });
    }
  });

  it('carries no field that looks like a secret', () => {
    const suspicious = allContracts.flatMap((contract) =>
      propertyNames(contractJsonSchema(contract))
        .filter((name) => SECRET_LIKE.test(name))
        .map((name) => `${contract.topic}${name}`),
    );
    expect(suspicious).toEqual([]);
    // The check itself must be able to fail.
    const leaky = { properties: { account: { anyOf: [{ properties: { accessToken: {} } }] } } };
    expect(propertyNames(leaky).filter((name) => SECRET_LIKE.test(name))).toEqual(['.account.accessToken']);
  });
});
