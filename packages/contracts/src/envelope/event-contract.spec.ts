import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContractDefinitionError } from './contract.errors.js';
import { defineEvent } from './event-contract.js';

const payload = z.object({ postId: z.uuid() });

describe('defineEvent', () => {
  it('derives the topic from the source, the kebab-case type and the version', () => {
    expect(defineEvent({ type: 'PostNeedsReview', version: 2, source: 'content', payload }).topic).toBe(
      'chorus.content.post-needs-review.v2',
    );
    expect(defineEvent({ type: 'GoalSet', version: 1, source: 'strategy', payload }).topic).toBe(
      'chorus.strategy.goal-set.v1',
    );
  });

  it.each([
    [{ type: 'postPublished', version: 1, source: 'content' }, /PascalCase/],
    [{ type: 'URLShortened', version: 1, source: 'content' }, /consecutive capitals/],
    [{ type: 'PostPublished', version: 0, source: 'content' }, /version 0/],
    [{ type: 'PostPublished', version: 1.5, source: 'content' }, /version 1.5/],
    [{ type: 'PostPublished', version: 1, source: 'Content' }, /kebab-case service/],
  ])('refuses an ill-formed definition %o', (def, message) => {
    expect(() => defineEvent({ ...def, payload })).toThrow(ContractDefinitionError);
    expect(() => defineEvent({ ...def, payload })).toThrow(message);
  });
});
