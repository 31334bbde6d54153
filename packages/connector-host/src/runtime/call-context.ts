import { AsyncLocalStorage } from 'node:async_hooks';
import type { ConnectorOperation } from '@chorus/connector-sdk';

/** The call a connector's HTTP request belongs to: the limiter keys requests by its account. */
export interface CallContext {
  readonly accountId: string | null;
  readonly operation: ConnectorOperation;
  readonly signal: AbortSignal;
}

export const callContext = new AsyncLocalStorage<CallContext>();
