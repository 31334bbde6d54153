import { fileURLToPath } from 'node:url';
import { generateIdentityKeyPair, parseIdentityPrivateKey, parseIdentityPublicKey } from '@chorus/access';
import { ConnectorHost, type ConnectorEntry } from '@chorus/connector-host';
import { silentLogger } from '@chorus/connector-sdk';
import { Database } from '@chorus/persistence';
import { bootstrapService, type RunningService } from '@chorus/service-kit';
import { createTestDatabase, type TestDatabase } from '@chorus/testing';
import {
  CHANNEL_CONNECTORS,
  CHANNEL_REFRESH_SCHEDULE,
  IDENTITY_SIGNING_KEY,
  INTERNAL_API_TOKEN,
  OUTBOUND_POLICY,
  TOKEN_VAULT,
  UPSTREAMS,
  VaultKeyRing,
  createTokenVault,
  gatewayService,
} from '../../src/index.js';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface GatewayWithChannels {
  readonly url: string;
  readonly gateway: RunningService;
  readonly connectors: ConnectorHost;
  readonly internalToken: string;
  readonly database: TestDatabase;
  readonly logs: string[];
  /** SQL as the system role (the tests' window on the gateway's tables and its outbox). */
  sql<R = Record<string, unknown>>(query: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/**
 * The gateway on a fresh database of the real PostgreSQL with a token vault, the given connector plugins
 * (loaded from their sources by the real connector host), the internal token, and no background sweep: the
 * tests run the sweep themselves.
 */
export async function startGatewayWithChannels(
  connectorEntries: readonly ConnectorEntry[],
  options: {
    vaultKeys?: string;
    /** Another gateway's database (a restart); otherwise a fresh one, dropped at close. */
    database?: TestDatabase;
    /** More host providers, e.g. NOTIFICATION_SETTINGS. */
    providers?: readonly { provide: symbol; useValue: unknown }[];
  } = {},
): Promise<GatewayWithChannels> {
  const vaultKeys = options.vaultKeys ?? VaultKeyRing.generateEntry('k1');
  const connectors = await ConnectorHost.start({
    root: repositoryRoot,
    discover: false,
    conditions: ['@chorus/source', 'import', 'default'],
    logger: silentLogger,
    connectors: [...connectorEntries],
  });
  if (connectors.refused.length > 0) {
    throw new Error(`connectors refused: ${connectors.refused.map((r) => r.reason).join('; ')}`);
  }
  const testDb = options.database ?? (await createTestDatabase());
  const database = await Database.open(testDb.config);
  const keys = generateIdentityKeyPair();
  const internalToken = `chorus_internal_${keys.publicKeyPem.length}_${Date.now()}`;
  const logs: string[] = [];
  const gateway = await bootstrapService(
    gatewayService,
    {
      database,
      bus: null,
      identityPublicKey: parseIdentityPublicKey(keys.publicKeyPem),
      logLevel: 'debug',
      logSink: (line) => logs.push(line),
    },
    {
      providers: [
        { provide: UPSTREAMS, useValue: {} },
        { provide: IDENTITY_SIGNING_KEY, useValue: parseIdentityPrivateKey(keys.privateKeyPem) },
        { provide: TOKEN_VAULT, useValue: createTokenVault(vaultKeys) },
        { provide: CHANNEL_CONNECTORS, useValue: connectors },
        { provide: INTERNAL_API_TOKEN, useValue: internalToken },
        { provide: CHANNEL_REFRESH_SCHEDULE, useValue: false },
        // The network fakes listen on loopback; a test of the address guard overrides this (ADR 0018).
        { provide: OUTBOUND_POLICY, useValue: { allowPrivateNetworkTargets: true } },
        ...(options.providers ?? []),
      ],
    },
  );
  const url = await gateway.listen(0, '127.0.0.1');
  return {
    url,
    gateway,
    connectors,
    internalToken,
    database: testDb,
    logs,
    sql: (query, params) => gateway.serviceDb.asSystem((tx) => tx.query(query, params)),
    async close() {
      await gateway.app.close();
      await connectors.close();
      await database.close();
      if (options.database === undefined) {
        await testDb.drop();
      }
    },
  };
}
