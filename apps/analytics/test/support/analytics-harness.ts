import { generateIdentityKeyPair, parseIdentityPublicKey } from '@chorus/access';
import { goalSetV1, type EventEnvelope, type GoalSetV1 } from '@chorus/contracts';
import { examplePayload } from '@chorus/contracts/testing';
import type { MessageHandler } from '@chorus/messaging';
import { Database } from '@chorus/persistence';
import { bootstrapService, withCorrelation, type RunningService } from '@chorus/service-kit';
import { analyticsService } from '../../src/index.js';

/** The analytics app booted alone on in-process PGlite, with a way to hand it events as the bus would. */
export interface AnalyticsHarness {
  readonly service: RunningService;
  readonly lines: string[];
  deliver<T>(consumer: new (...args: never[]) => MessageHandler<T>, event: EventEnvelope<T>): Promise<void>;
  close(): Promise<void>;
}

export async function startAnalytics(): Promise<AnalyticsHarness> {
  const lines: string[] = [];
  const database = await Database.open({ kind: 'pglite', dataDir: null });
  const service = await bootstrapService(analyticsService, {
    database,
    bus: null,
    identityPublicKey: parseIdentityPublicKey(generateIdentityKeyPair().publicKeyPem),
    logLevel: 'info',
    logSink: (line) => lines.push(line),
  });
  return {
    service,
    lines,
    deliver: (consumer, event) => {
      const handler = withCorrelation(service.app.get(consumer), service.logger);
      return service.serviceDb.withTenant(event.tenantId, (tx) => handler.handle(event, tx));
    },
    close: async () => {
      await service.app.close();
      await database.close();
    },
  };
}

/** A goal as GoalSet v1 / GoalChanged v1 carry it: the contract's example under another id. */
export function goalState(goalId: string, overrides: Partial<GoalSetV1> = {}): GoalSetV1 {
  return { ...examplePayload(goalSetV1), goalId, ...overrides };
}
