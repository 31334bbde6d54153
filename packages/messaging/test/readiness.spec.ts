import { createEventBus } from '@chorus/messaging';
import { startKafkaBroker, type KafkaBrokerProcess } from '@chorus/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from './support/wait-for.js';

// Readiness must follow the broker: a service whose bus cannot reach Kafka reports not-ready instead of
// accepting work it cannot deliver. The broker is this file's own, because it is stopped and started again.
describe('event bus readiness', () => {
  describe('in-process', () => {
    it('is ready between start and stop only', async () => {
      const bus = createEventBus({ transport: 'in-process' });
      expect(await bus.isReady()).toBe(false);
      await bus.start();
      expect(await bus.isReady()).toBe(true);
      await bus.stop();
      expect(await bus.isReady()).toBe(false);
    });
  });

  describe('kafka', { timeout: 120_000 }, () => {
    let broker: KafkaBrokerProcess;

    beforeAll(async () => {
      broker = await startKafkaBroker();
    }, 120_000);

    afterAll(async () => {
      await broker?.dispose();
    });

    it('follows the broker going away and coming back', async () => {
      const bus = createEventBus({ transport: 'kafka', brokers: broker.brokers, clientId: 'readiness-test' });
      expect(await bus.isReady()).toBe(false);
      await bus.start();
      try {
        expect(await bus.isReady()).toBe(true);

        await broker.stop();
        const started = Date.now();
        expect(await bus.isReady()).toBe(false);
        // Bounded, so that a readiness probe gets its answer before it gives up.
        expect(Date.now() - started).toBeLessThan(5_000);

        await broker.start();
        await waitFor(
          () => bus.isReady(),
          (ready) => ready,
          { timeoutMs: 60_000, intervalMs: 500, what: 'ready again' },
        );
      } finally {
        await bus.stop();
      }
      expect(await bus.isReady()).toBe(false);
    });
  });
});
