/**
 * At most one active relay per outbox, so that rows go out in id order. `acquire` is called before every
 * cycle: cheap while held, a retry while another process holds it.
 */
export interface RelayLeadership {
  acquire(): Promise<boolean>;
  release(): Promise<void>;
}

/** Embedded mode: one process owns the database file, so the relay in it is the only one. */
export const soleLeadership: RelayLeadership = {
  acquire: () => Promise.resolve(true),
  release: () => Promise.resolve(),
};
