import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContractRegistry } from './contract-registry.js';
import { ContractDefinitionError } from './contract.errors.js';
import { defineEvent } from './event-contract.js';

const payload = z.object({ postId: z.uuid() });
const v1 = defineEvent({ type: 'PostPublished', version: 1, source: 'content', payload });
const v2 = defineEvent({ type: 'PostPublished', version: 2, source: 'content', payload });

describe('ContractRegistry', () => {
  const registry = new ContractRegistry([v1, v2]);

  it('finds a contract by type and version, and by topic', () => {
    expect(registry.find('PostPublished', 2)).toBe(v2);
    expect(registry.byTopic('chorus.content.post-published.v1')).toBe(v1);
    expect(registry.find('PostPublished', 3)).toBeUndefined();
    expect(registry.byTopic('chorus.content.post-published.v3')).toBeUndefined();
  });

  it('lists every contract and the versions of a type', () => {
    expect(registry.all()).toEqual([v1, v2]);
    expect(registry.versionsOf('PostPublished')).toEqual([1, 2]);
    expect(registry.versionsOf('GoalSet')).toEqual([]);
  });

  it('refuses the same contract twice', () => {
    const again = defineEvent({ type: 'PostPublished', version: 1, source: 'content', payload });
    expect(() => new ContractRegistry([v1, again])).toThrow(ContractDefinitionError);
  });
});
