import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line and every outgoing event of one unit of work carries. */
export interface RequestContext {
  readonly correlationId: string;
  tenantId?: string;
  workspaceId?: string;
  userId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The correlation id of the work in progress; a fresh one for work that started outside any request. */
export function currentCorrelationId(): string {
  return storage.getStore()?.correlationId ?? randomUUID();
}

/** Adds who is acting to the current context once the identity is known. */
export function enrichContext(fields: Pick<RequestContext, 'tenantId' | 'workspaceId' | 'userId'>): void {
  const context = storage.getStore();
  if (context !== undefined) {
    Object.assign(context, fields);
  }
}
