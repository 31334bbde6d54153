/**
 * A first-in first-out async lock. PGlite is one connection, so every transaction of every service on it
 * takes this lock for exactly as long as the transaction runs.
 */
export class AsyncMutex {
  private locked = false;
  private readonly waiters: Array<() => void> = [];

  /** Resolves with a release function once every earlier caller has released. */
  async acquire(): Promise<() => void> {
    if (this.locked) {
      await new Promise<void>((resume) => this.waiters.push(resume));
    } else {
      this.locked = true;
    }
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      this.handOver();
    };
  }

  get isLocked(): boolean {
    return this.locked;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  // The lock passes straight to the oldest waiter, so a newcomer can never overtake it.
  private handOver(): void {
    const next = this.waiters.shift();
    if (next === undefined) {
      this.locked = false;
    } else {
      next();
    }
  }
}
