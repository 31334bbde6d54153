import { z } from 'zod';

/** What every integration event looks like on the wire; `payload` is checked against the event's contract. */
export interface EventEnvelope<P = unknown> {
  /** UUIDv7, so ids sort by creation time. */
  eventId: string;
  /** Past-tense PascalCase name, e.g. 'GoalSet'. */
  type: string;
  version: number;
  /** The producing service, e.g. 'strategy'. */
  source: string;
  tenantId: string;
  /** Null only for agency-wide events. Also the Kafka key, so one brand's events stay ordered. */
  workspaceId: string | null;
  /** ISO-8601 UTC instant. */
  occurredAt: string;
  correlationId: string;
  /** The event or request that caused this one; null for a first cause. */
  causationId: string | null;
  payload: P;
}

export const EventEnvelopeSchema: z.ZodType<EventEnvelope> = z
  .object({
    eventId: z.uuid().describe('UUIDv7 of this event'),
    type: z
      .string()
      .regex(/^[A-Z][a-zA-Z0-9]*$/, 'must be a PascalCase event name')
      .describe("Past-tense event name, e.g. 'PostPublished'"),
    version: z.int().positive().describe('Contract version of the payload'),
    source: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'must be a kebab-case service name')
      .describe('The producing service'),
    tenantId: z.uuid().describe('The agency'),
    workspaceId: z.uuid().nullable().describe('The brand; null only for agency-wide events'),
    occurredAt: z.iso.datetime().describe('When it happened, as an ISO-8601 UTC instant'),
    correlationId: z.uuid().describe('Shared by every event and request of one piece of work'),
    causationId: z.uuid().nullable().describe('The event or request that caused this one'),
    payload: z.unknown().describe("Checked against the contract named by 'type' and 'version'"),
  })
  .describe('The Chorus integration event envelope');
