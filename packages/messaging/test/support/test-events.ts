import { randomBytes } from 'node:crypto';
import {
  createEnvelope,
  defineEvent,
  uuidv7,
  type EventContract,
  type EventEnvelope,
} from '@chorus/contracts';
import { z } from 'zod';

export interface ThingPayload {
  seq: number;
  label: string;
}

const thingPayload = z.object({ seq: z.number().int().nonnegative(), label: z.string() });

/**
 * A contract of the test's own: a random source gives it topics no other test (or earlier run on the same
 * broker) has used.
 */
export function uniqueThingContract(): EventContract<ThingPayload> {
  const source = `bt${randomBytes(5).toString('hex')}`;
  return defineEvent({ type: 'ThingHappened', version: 1, source, payload: thingPayload });
}

export function thingEvent(
  contract: EventContract<ThingPayload>,
  meta: { tenantId: string; workspaceId: string | null },
  payload: ThingPayload,
): EventEnvelope<ThingPayload> {
  return createEnvelope(contract, { ...meta, correlationId: uuidv7() }, payload);
}
