import { generateIdentityKeyPair, parseIdentityPrivateKey, parseIdentityPublicKey } from '@chorus/access';
import {
  IDENTITY_SIGNING_KEY,
  TOKEN_VAULT,
  UPSTREAMS,
  VaultKeyRing,
  createTokenVault,
  gatewayService,
} from '@chorus/gateway';
import { Database } from '@chorus/persistence';
import { InjectUpstream, bootstrapService, type RunningService, type Upstream } from '@chorus/service-kit';
import { createTestDatabase } from '@chorus/testing';
import { BACKEND_SERVICES } from '../../src/services.js';

export interface AllServicesOnPostgres {
  readonly url: string;
  readonly gateway: RunningService;
  readonly services: readonly RunningService[];
  close(): Promise<void>;
}

/**
 * The gateway and every service in one process on a fresh database of the real PostgreSQL (row-level security
 * as in production), the gateway reaching the services by injection. No bus: these tests are about access.
 */
export async function startAllServicesOnPostgres(): Promise<AllServicesOnPostgres> {
  const testDb = await createTestDatabase();
  const database = await Database.open(testDb.config);
  const keys = generateIdentityKeyPair();
  const runtime = {
    database,
    bus: null,
    identityPublicKey: parseIdentityPublicKey(keys.publicKeyPem),
    logLevel: 'warn' as const,
    logSink: () => undefined,
  };
  const services: RunningService[] = [];
  for (const definition of BACKEND_SERVICES) {
    services.push(await bootstrapService(definition, runtime));
  }
  const upstreams: Record<string, Upstream> = Object.fromEntries(
    services.map((s) => [s.name, new InjectUpstream(s.name, s.app.getHttpAdapter().getInstance())]),
  );
  const gateway = await bootstrapService(gatewayService, runtime, {
    providers: [
      { provide: UPSTREAMS, useValue: upstreams },
      { provide: IDENTITY_SIGNING_KEY, useValue: parseIdentityPrivateKey(keys.privateKeyPem) },
      // Two-factor and webhook secrets are sealed by the vault (ADR 0013); 'k1' is the key id of the fixture
      // channel row, so the start-up re-wrap pass leaves its placeholder credentials alone.
      { provide: TOKEN_VAULT, useValue: createTokenVault(VaultKeyRing.generateEntry('k1')) },
    ],
  });
  const url = await gateway.listen(0, '127.0.0.1');
  return {
    url,
    gateway,
    services,
    async close() {
      await gateway.app.close();
      for (const s of services) {
        await s.app.close();
      }
      await database.close();
      await testDb.drop();
    },
  };
}
