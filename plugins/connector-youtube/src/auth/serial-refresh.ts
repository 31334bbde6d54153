import type { Credentials } from '@chorus/connector-sdk';

/**
 * Google refresh tokens do not rotate (network-apis.md 8.1), but each refresh mints an access token and too many
 * in parallel are wasteful: refreshes of one account run one at a time, and callers arriving while one runs
 * share its answer.
 */
export class SerialRefresh {
  private readonly inFlight = new Map<string, Promise<Credentials>>();

  run(credentials: Credentials, refresh: () => Promise<Credentials>): Promise<Credentials> {
    const running = this.inFlight.get(credentials.accountId);
    if (running) {
      return running;
    }
    const promise = refresh().finally(() => this.inFlight.delete(credentials.accountId));
    this.inFlight.set(credentials.accountId, promise);
    return promise;
  }
}
