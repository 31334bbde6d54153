import { ContractRegistry, type EventContract, type EventEnvelope } from '@chorus/contracts';
import type { Tx } from '@chorus/persistence';
import type { MessageHandler } from '../event-bus.js';
import { HandlerFailure } from './handler-failure.js';

/** The handlers of one consumer group, indexed by event type and version. */
export class HandlerSet {
  readonly registry: ContractRegistry;
  readonly topics: readonly string[];
  private readonly byEvent = new Map<string, MessageHandler<unknown>[]>();

  constructor(handlers: readonly MessageHandler<unknown>[]) {
    if (handlers.length === 0) {
      throw new Error('a consumer needs at least one handler');
    }
    const contracts = new Map<string, EventContract<unknown>>();
    for (const handler of handlers) {
      const key = eventKey(handler.contract.type, handler.contract.version);
      contracts.set(key, handler.contract);
      this.byEvent.set(key, [...(this.byEvent.get(key) ?? []), handler]);
    }
    this.registry = new ContractRegistry([...contracts.values()]);
    this.topics = [...new Set([...contracts.values()].map((contract) => contract.topic))];
  }

  /**
   * Runs every handler of these events, in registration order, in the caller's transaction. `run`: consecutive
   * events of one contract, so that a batch handler keeps their order relative to other events.
   */
  async apply(run: readonly EventEnvelope[], tx: Tx): Promise<void> {
    const [first] = run;
    if (first === undefined) {
      return;
    }
    for (const handler of this.byEvent.get(eventKey(first.type, first.version)) ?? []) {
      if (handler.handleBatch && run.length > 1) {
        try {
          await handler.handleBatch(run, tx);
        } catch (error) {
          throw new HandlerFailure(null, error);
        }
        continue;
      }
      for (const event of run) {
        try {
          await handler.handle(event, tx);
        } catch (error) {
          throw new HandlerFailure(event, error);
        }
      }
    }
  }
}

function eventKey(type: string, version: number): string {
  return `${type}@${version}`;
}
