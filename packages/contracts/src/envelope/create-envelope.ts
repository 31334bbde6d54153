import { ContractViolationError } from './contract.errors.js';
import { describeIssues } from './describe-issues.js';
import type { EventContract } from './event-contract.js';
import { EventEnvelopeSchema, type EventEnvelope } from './event-envelope.js';
import { uuidv7 } from './uuidv7.js';

export interface EnvelopeMeta {
  tenantId: string;
  workspaceId: string | null;
  correlationId: string;
  causationId?: string | null;
  occurredAt?: Date;
}

/** Wraps a payload in a new envelope; throws ContractViolationError if either does not match the contract. */
export function createEnvelope<P>(
  contract: EventContract<P>,
  meta: EnvelopeMeta,
  payload: P,
): EventEnvelope<P> {
  const checked = contract.payload.safeParse(payload);
  if (!checked.success) {
    throw new ContractViolationError(contract.topic, describeIssues(checked.error.issues, ['payload']));
  }
  const envelope: EventEnvelope<P> = {
    eventId: uuidv7(),
    type: contract.type,
    version: contract.version,
    source: contract.source,
    tenantId: meta.tenantId,
    workspaceId: meta.workspaceId,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    correlationId: meta.correlationId,
    causationId: meta.causationId ?? null,
    payload: checked.data,
  };
  const shape = EventEnvelopeSchema.safeParse(envelope);
  if (!shape.success) {
    throw new ContractViolationError(contract.topic, describeIssues(shape.error.issues));
  }
  return envelope;
}
