import type { Credentials } from '../capabilities/credentials.js';

const MAX_REMEMBERED = 1000;

/**
 * For networks whose refresh tokens rotate (each refresh returns a new one and the old may stop working, or a
 * replay may revoke the whole grant): refreshes of one account run one at a time, and a caller holding a
 * refresh token this process already exchanged gets the newest credentials that exchange led to instead of
 * replaying a used token. A connector keeps one per process.
 */
export class RotatingRefresh {
  private readonly inFlight = new Map<string, Promise<Credentials>>();
  /** Refresh token already used -> what it was exchanged for. */
  private readonly exchanged = new Map<string, Credentials>();

  async run(credentials: Credentials, refresh: () => Promise<Credentials>): Promise<Credentials> {
    const account = credentials.accountId;
    for (;;) {
      const running = this.inFlight.get(account);
      if (!running) {
        break;
      }
      await running.catch(() => undefined);
    }
    const used = credentials.refreshToken ? this.newest(credentials.refreshToken) : undefined;
    if (used) {
      return used;
    }
    const promise = refresh();
    this.inFlight.set(account, promise);
    try {
      const fresh = await promise;
      // Only a refresh token that was really exchanged is remembered: remembering one that is still valid
      // would hand the same (soon expired) credentials back to every later caller.
      if (credentials.refreshToken && fresh.refreshToken !== credentials.refreshToken) {
        this.exchanged.set(credentials.refreshToken, fresh);
        if (this.exchanged.size > MAX_REMEMBERED) {
          this.exchanged.delete(this.exchanged.keys().next().value!);
        }
      }
      return fresh;
    } finally {
      this.inFlight.delete(account);
    }
  }

  /**
   * What a used refresh token led to, following later refreshes: the credentials its exchange produced may have
   * been refreshed since, and their access token may have expired.
   */
  private newest(refreshToken: string): Credentials | undefined {
    let found = this.exchanged.get(refreshToken);
    for (let hops = 0; found?.refreshToken && hops < MAX_REMEMBERED; hops += 1) {
      const next = this.exchanged.get(found.refreshToken);
      if (!next) {
        break;
      }
      found = next;
    }
    return found;
  }
}
