import {
  IDENTITY_HEADER,
  generateIdentityKeyPair,
  parseIdentityPrivateKey,
  parseIdentityPublicKey,
  verifyIdentity,
  type Identity,
} from '@chorus/access';
import { Database } from '@chorus/persistence';
import {
  bootstrapService,
  type RunningService,
  type Upstream,
  type UpstreamRequest,
  type UpstreamResponse,
} from '@chorus/service-kit';
import { createTestDatabase, type TestDatabase } from '@chorus/testing';
import {
  IDENTITY_SIGNING_KEY,
  PUBLIC_URL,
  TOKEN_VAULT,
  UPSTREAMS,
  VaultKeyRing,
  createTokenVault,
  gatewayService,
} from '../../src/index.js';

/**
 * Stands in for a service behind the gateway: verifies the signed identity exactly as a service does and
 * answers with it, so a test sees what the gateway vouched for.
 */
export class IdentityEchoUpstream implements Upstream {
  readonly seen: Identity[] = [];

  constructor(
    private readonly service: string,
    private readonly publicKey: ReturnType<typeof parseIdentityPublicKey>,
  ) {}

  forward(request: UpstreamRequest): Promise<UpstreamResponse> {
    const header = request.headers[IDENTITY_HEADER];
    if (header === undefined) {
      return Promise.resolve(json(401, { message: 'no identity' }));
    }
    const claims = verifyIdentity(header, { audience: this.service, publicKey: this.publicKey });
    this.seen.push(claims);
    return Promise.resolve(
      json(200, { roles: claims.roles, workspaceId: claims.workspaceId, path: request.path }),
    );
  }
}

function json(status: number, body: unknown): UpstreamResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) };
}

export interface GatewayOnPostgres {
  readonly url: string;
  readonly gateway: RunningService;
  readonly echo: IdentityEchoUpstream;
  readonly logs: string[];
  /** The test database as its owner (a superuser on the test server): for faults a test injects. */
  readonly ownerUrl: string;
  close(): Promise<void>;
}

/**
 * The gateway alone on a fresh database of the real PostgreSQL, listening on a free loopback port; with a token
 * vault unless `withVault` is false (a distributed gateway started without CHORUS_VAULT_MASTER_KEYS).
 */
export async function startGatewayOnPostgres(
  options: {
    withVault?: boolean;
    /** CHORUS_PUBLIC_URL (https: __Host- cookies and HSTS). */
    publicUrl?: string;
    /** CHORUS_TRUST_PROXY. */
    trustProxy?: number | readonly string[];
    /** More host providers, e.g. NOTIFICATION_SETTINGS. */
    providers?: readonly { provide: symbol; useValue: unknown }[];
  } = {},
): Promise<GatewayOnPostgres> {
  const testDb: TestDatabase = await createTestDatabase();
  const database = await Database.open(testDb.config);
  const keys = generateIdentityKeyPair();
  const publicKey = parseIdentityPublicKey(keys.publicKeyPem);
  const echo = new IdentityEchoUpstream('echo', publicKey);
  const logs: string[] = [];
  const gateway = await bootstrapService(
    gatewayService,
    { database, bus: null, identityPublicKey: publicKey, logLevel: 'info', logSink: (l) => logs.push(l) },
    {
      ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
      providers: [
        ...(options.publicUrl === undefined ? [] : [{ provide: PUBLIC_URL, useValue: options.publicUrl }]),
        ...(options.providers ?? []),
        { provide: UPSTREAMS, useValue: { echo } },
        { provide: IDENTITY_SIGNING_KEY, useValue: parseIdentityPrivateKey(keys.privateKeyPem) },
        // TOTP and webhook secrets are sealed by the vault (ADR 0013).
        ...(options.withVault === false
          ? []
          : [{ provide: TOKEN_VAULT, useValue: createTokenVault(VaultKeyRing.generateEntry('k1')) }]),
      ],
    },
  );
  const url = await gateway.listen(0, '127.0.0.1');
  return {
    url,
    gateway,
    echo,
    logs,
    ownerUrl: testDb.url,
    async close() {
      await gateway.app.close();
      await database.close();
      await testDb.drop();
    },
  };
}
