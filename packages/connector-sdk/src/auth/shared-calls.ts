/**
 * One call at a time per key: a caller arriving while the key's call runs gets that call's answer (a refresh
 * of an account whose refresh token does not rotate, for instance). Nothing is kept once the call answers.
 * Where refresh tokens rotate, use RotatingRefresh.
 */
export class SharedCalls<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, call: () => Promise<T>): Promise<T> {
    const current = this.running.get(key);
    if (current) {
      return current;
    }
    const next = call().finally(() => this.running.delete(key));
    this.running.set(key, next);
    return next;
  }
}
