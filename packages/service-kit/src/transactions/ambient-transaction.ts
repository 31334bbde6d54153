import { AsyncLocalStorage } from 'node:async_hooks';
import type { Tx } from '@chorus/persistence';

const ambient = new AsyncLocalStorage<Tx>();

/** Makes tx the transaction that repositories join while fn runs (a consumer's effect and its mark commit together). */
export function runInAmbientTransaction<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  return ambient.run(tx, fn);
}

export function ambientTransaction(): Tx | undefined {
  return ambient.getStore();
}
