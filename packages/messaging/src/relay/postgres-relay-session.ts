import pg from 'pg';
import { errorFields, type BusLogger } from '../logger.js';
import type { RelayLeadership } from './relay-leadership.js';

/** First key of the two-int advisory lock ('CHOR'); the second is hashtext(schema). */
const LOCK_CLASS = 0x43484f52;

/**
 * A dedicated PostgreSQL session per relay. It holds a session-level advisory lock that makes this relay the
 * only active one for the schema (PostgreSQL drops it when the session ends, so a kill -9 releases it), and it
 * LISTENs for the writers' NOTIFY so that a commit in another process wakes the relay at once. It is outside
 * the service's pool on purpose: a LISTEN or a lock must never be handed back to a pool and leak to a caller.
 */
export class PostgresRelaySession implements RelayLeadership {
  private client: pg.Client | null = null;
  private held = false;

  constructor(
    private readonly options: {
      readonly url: string;
      readonly schema: string;
      readonly channel: string;
      readonly onNotify: () => void;
      readonly logger: BusLogger;
    },
  ) {}

  async acquire(): Promise<boolean> {
    if (this.held && this.client !== null) {
      return true;
    }
    try {
      const client = this.client ?? (await this.connect());
      const rows = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
        [LOCK_CLASS, this.options.schema],
      );
      this.held = rows.rows[0]?.locked === true;
    } catch (error) {
      this.options.logger.warn('relay session failed; will retry', {
        schema: this.options.schema,
        ...errorFields(error),
      });
      this.drop();
    }
    return this.held;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.held = false;
    // Ending the session releases the lock and the LISTEN.
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: 'chorus-outbox-relay',
      keepAlive: true,
    });
    client.on('error', (error) => {
      this.options.logger.warn('relay session lost', { schema: this.options.schema, ...errorFields(error) });
      this.drop(client);
    });
    client.on('end', () => this.drop(client));
    client.on('notification', () => this.options.onNotify());
    try {
      await client.connect();
      await client.query(`LISTEN "${this.options.channel}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  private drop(which: pg.Client | null = this.client): void {
    if (which === null || which !== this.client) {
      void which?.end().catch(() => undefined);
      return;
    }
    this.client = null;
    this.held = false;
    void which.end().catch(() => undefined);
  }
}
