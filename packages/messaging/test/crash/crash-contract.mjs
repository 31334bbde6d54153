// The event of the crash test, shared by the test (writer) and its child processes (relay, consumer).
import { defineEvent } from '@chorus/contracts';
import { z } from 'zod';

/** `source` is random per run, so the topic is new and no earlier run's messages are read. */
export function crashContract(source) {
  return defineEvent({
    type: 'ThingHappened',
    version: 1,
    source,
    payload: z.object({ seq: z.number().int().nonnegative(), label: z.string() }),
  });
}
