import type { GatewayPaths } from '@chorus/api-client';
import { api } from '../api/api';
import { readEventStream } from './event-stream';

export type Notification =
  GatewayPaths['/api/notifications']['get']['responses'][200]['content']['application/json']['items'][number];

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * The signed-in member's notifications, live over the gateway's SSE stream. A dropped stream is shown
 * (`connected` false) and retried with backoff; nothing the member typed depends on it.
 */
class LiveNotifications {
  unreadCount = $state(0);
  /** Arrived since the page loaded, newest first. */
  arrived = $state<Notification[]>([]);
  connected = $state(false);
  #abort: AbortController | null = null;

  start(): void {
    if (this.#abort !== null) {
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    void this.#run(abort.signal);
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.connected = false;
  }

  async #run(signal: AbortSignal): Promise<void> {
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const { response } = await api.gateway.GET('/api/notifications/stream', {
          parseAs: 'stream',
          headers: { accept: 'text/event-stream' },
          signal,
        });
        if (response.status === 401) {
          return; // the session ended: the layout says so; signing in again restarts the stream
        }
        if (response.ok && response.body !== null) {
          this.connected = true;
          attempt = 0;
          await readEventStream(response.body, (event) => {
            if (event.event === 'unread') {
              this.unreadCount = (JSON.parse(event.data) as { unreadCount: number }).unreadCount;
            } else if (event.event === 'notification') {
              this.arrived = [JSON.parse(event.data) as Notification, ...this.arrived];
              this.unreadCount += 1;
            }
          });
        }
      } catch {
        // A network error or the abort: retried below unless stopped.
      }
      this.connected = false;
      if (signal.aborted) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      attempt += 1;
    }
  }
}

export const liveNotifications = new LiveNotifications();
