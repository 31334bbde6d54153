import type { MessageHandler } from '@chorus/messaging';
import type { EventEnvelope } from '@chorus/contracts';
import type { Tx } from '@chorus/persistence';
import { runWithContext } from '../context/request-context.js';
import type { JsonLogger } from '../logging/json-logger.js';
import { runInAmbientTransaction } from '../transactions/ambient-transaction.js';

/**
 * Runs a consumer under the envelope's correlation id (so its log lines join the producer's) and makes the
 * consumer's transaction the ambient one, so repositories write in it and the effect commits with the
 * processed-message mark.
 */
export function withCorrelation<P>(handler: MessageHandler<P>, logger: JsonLogger): MessageHandler<P> {
  return {
    contract: handler.contract,
    handle: (event: EventEnvelope<P>, tx: Tx) =>
      runWithContext(
        {
          correlationId: event.correlationId,
          tenantId: event.tenantId,
          ...(event.workspaceId === null ? {} : { workspaceId: event.workspaceId }),
        },
        async () => {
          logger.write('info', 'event received', {
            eventType: event.type,
            eventVersion: event.version,
            eventId: event.eventId,
          });
          await runInAmbientTransaction(tx, () => handler.handle(event, tx));
        },
      ),
  };
}
