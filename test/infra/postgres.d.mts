// Types for postgres.mjs, which stays plain JavaScript so that it runs before `npm ci`.

export interface EnsuredPostgres {
  readonly url: string;
  /** Human-readable: 'DATABASE_URL', 'server on 127.0.0.1:5432', 'throwaway cluster in ...'. */
  readonly source: string;
  /** True when this call started a throwaway cluster. */
  readonly started: boolean;
  readonly throwaway?: boolean;
  /** A throwaway cluster's directory (data, log, socket). */
  readonly base?: string;
  /** Stops a throwaway cluster that this call started; otherwise does nothing. */
  stop(): Promise<void>;
}

export function ensurePostgres(options?: {
  owner?: 'cli' | 'test-run' | 'test';
  lease?: boolean;
}): Promise<EnsuredPostgres>;
export function probePostgres(options?: {
  host?: string;
  port?: number;
  user?: string;
  database?: string;
  timeoutMs?: number;
}): Promise<'ok' | 'password' | 'down' | `error: ${string}`>;
export function findPostgresBinaries(): string;
export function startThrowawayPostgres(options?: {
  owner?: 'cli' | 'test-run' | 'test';
  lease?: boolean;
}): Promise<{ url: string; port: number; reused: boolean; base: string }>;
export function stopThrowawayPostgres(): Promise<boolean>;
export function releasePostgres(): Promise<{ stopped: boolean; reason?: string }>;
export function postgresUsers(): number[];
export function throwawayOwner(): string | undefined;
