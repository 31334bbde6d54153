import type { DatabaseConfig } from '@chorus/persistence';
import type { BusLogger } from '../logger.js';
import { messagingTableNames } from '../outbox/table-names.js';
import { PostgresRelaySession } from './postgres-relay-session.js';
import { soleLeadership, type RelayLeadership } from './relay-leadership.js';

/** PostgreSQL: a dedicated session (lock + LISTEN). PGlite or unknown: one process, so the relay is alone. */
export function relayLeadershipFor(
  schema: string,
  database: DatabaseConfig | undefined,
  wake: () => void,
  logger: BusLogger,
): RelayLeadership {
  if (database?.kind !== 'postgres') {
    return soleLeadership;
  }
  return new PostgresRelaySession({
    url: database.url,
    schema,
    channel: messagingTableNames(schema).notifyChannel,
    onNotify: wake,
    logger,
  });
}
