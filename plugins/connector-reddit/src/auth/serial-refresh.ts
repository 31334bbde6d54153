/** One refresh at a time per key (account and grant): a second caller waits for the first and gets its result. */
export class SerialRefresh<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, refresh: () => Promise<T>): Promise<T> {
    const current = this.running.get(key);
    if (current) {
      return current;
    }
    const next = refresh().finally(() => this.running.delete(key));
    this.running.set(key, next);
    return next;
  }
}
