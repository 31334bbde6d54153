export interface FaultMatch {
  readonly method?: string;
  /** An exact path or a pattern; any path when absent. */
  readonly path?: string | RegExp;
}

/** One-shot misbehaviours a test asks of the fake, to check how the connector maps them. */
export type FakeFault =
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number; readonly match?: FaultMatch }
  | { readonly kind: 'server-error'; readonly status?: number; readonly match?: FaultMatch }
  | { readonly kind: 'invalid-content'; readonly message?: string; readonly match?: FaultMatch }
  /** The request is applied, then the response never comes: the client can only time out. */
  | { readonly kind: 'timeout-after-send'; readonly match?: FaultMatch }
  /** The connection is reset before anything is applied. */
  | { readonly kind: 'reset-before-apply'; readonly match?: FaultMatch };

export class FakeFaults {
  private readonly queue: FakeFault[] = [];

  add(fault: FakeFault): void {
    this.queue.push(fault);
  }

  take(method: string, path: string): FakeFault | undefined {
    const index = this.queue.findIndex((fault) => matches(fault.match, method, path));
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) {
    return true;
  }
  if (match.method && match.method !== method) {
    return false;
  }
  if (match.path === undefined) {
    return true;
  }
  return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}
