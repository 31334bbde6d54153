/**
 * In-process wake-up between writers and the relay of the same schema. A relay in another process hears the
 * same commit through LISTEN/NOTIFY; this path saves the round trip through the database when both share a
 * process (always so in embedded mode, where PGlite has no second session to listen on).
 */
type Listener = () => void;

const listenersBySchema = new Map<string, Set<Listener>>();

export function onOutboxCommitted(schema: string, listener: Listener): () => void {
  let listeners = listenersBySchema.get(schema);
  if (!listeners) {
    listeners = new Set();
    listenersBySchema.set(schema, listeners);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function signalOutboxCommitted(schema: string): void {
  for (const listener of listenersBySchema.get(schema) ?? []) {
    listener();
  }
}
