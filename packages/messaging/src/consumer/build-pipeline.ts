import type { MessageHandler, ConsumerRegistration } from '../event-bus.js';
import type { BusLogger } from '../logger.js';
import { assertConsumerGroupName } from './consumer-group-name.js';
import { ConsumerPipeline } from './consumer-pipeline.js';
import type { DeadLetterSink } from './dead-letter.js';
import { HandlerSet } from './handler-set.js';
import { resolveRetryPolicy } from './retry-policy.js';

/** The one way both transports turn a registration into a pipeline. */
export function buildPipeline(
  registration: ConsumerRegistration,
  deadLetters: DeadLetterSink,
  logger: BusLogger,
): ConsumerPipeline {
  assertConsumerGroupName(registration.group);
  return new ConsumerPipeline({
    group: registration.group,
    db: registration.db,
    handlers: new HandlerSet(registration.handlers as readonly MessageHandler<unknown>[]),
    retry: resolveRetryPolicy(registration.retry),
    deadLetters,
    logger,
  });
}
