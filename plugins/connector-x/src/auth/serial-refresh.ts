import type { Credentials } from '@chorus/connector-sdk';

const MAX_REMEMBERED = 1000;

/**
 * X refresh tokens rotate and are single-use, and replaying a used one can revoke the whole token family
 * (network-apis.md 5.1). So refreshes run one at a time per account, and a caller holding a refresh token that
 * was already exchanged gets the credentials that exchange produced instead of replaying it.
 */
export class SerialRefresh {
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
    const used = credentials.refreshToken ? this.exchanged.get(credentials.refreshToken) : undefined;
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
}
