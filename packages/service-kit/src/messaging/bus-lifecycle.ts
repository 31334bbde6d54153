import type { EventBus } from '@chorus/messaging';

const stopping = new WeakMap<EventBus, Promise<void>>();

/** Drains and stops once, however many services of the process ask. */
export function stopBus(bus: EventBus): Promise<void> {
  const inFlight = stopping.get(bus);
  if (inFlight !== undefined) {
    return inFlight;
  }
  const stop = bus.stop();
  stopping.set(bus, stop);
  return stop;
}

/** Never throws: a bus that cannot answer is simply not ready. */
export function isBusReady(bus: EventBus): Promise<boolean> {
  return bus.isReady().catch(() => false);
}
