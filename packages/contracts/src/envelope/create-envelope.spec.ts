import { describe, expect, it } from 'vitest';
import { goalSetV1 } from '../strategy/goal-set.v1.js';
import { exampleMeta, examplePayload } from '../testing/contract-examples.js';
import { ContractViolationError } from './contract.errors.js';
import { createEnvelope } from './create-envelope.js';
import { uuidv7Timestamp } from './uuidv7.js';

const goal = examplePayload(goalSetV1);

describe('createEnvelope', () => {
  it('fills in identity, time and causation from the contract and the metadata', () => {
    const occurredAt = new Date('2025-05-01T07:30:00.000Z');
    const envelope = createEnvelope(goalSetV1, { ...exampleMeta, occurredAt }, goal);
    expect(envelope).toMatchObject({
      type: 'GoalSet',
      version: 1,
      source: 'strategy',
      tenantId: exampleMeta.tenantId,
      workspaceId: exampleMeta.workspaceId,
      correlationId: exampleMeta.correlationId,
      causationId: null,
      occurredAt: '2025-05-01T07:30:00.000Z',
      payload: goal,
    });
    expect(Math.abs(uuidv7Timestamp(envelope.eventId) - Date.now())).toBeLessThan(5_000);
  });

  it('names the offending field when the payload breaks the contract', () => {
    const bad = { ...goal, scope: { channelIds: ['not-a-uuid'], audienceIds: [] } };
    expect(() => createEnvelope(goalSetV1, exampleMeta, bad as never)).toThrow(ContractViolationError);
    expect(() => createEnvelope(goalSetV1, exampleMeta, bad as never)).toThrow(
      /chorus\.strategy\.goal-set\.v1.*payload\.scope\.channelIds\[0\]: Invalid UUID/,
    );
  });

  it('applies cross-field rules of the contract', () => {
    const bad = { ...goal, target: { unit: 'percent', value: 4 } };
    expect(() => createEnvelope(goalSetV1, exampleMeta, bad as never)).toThrow(
      /payload\.target: must use the same unit and currency as the baseline/,
    );
  });

  it('refuses metadata that is not a valid envelope', () => {
    expect(() => createEnvelope(goalSetV1, { ...exampleMeta, tenantId: 'acme' }, goal)).toThrow(
      /tenantId: Invalid UUID/,
    );
  });
});
