import type { FakeGraphError } from './graph-fake-errors.js';

export interface FaultMatch {
  readonly method?: string;
  /** The version-less path, exactly or as a pattern; any path when absent. */
  readonly path?: string | RegExp;
}

/** One-shot misbehaviours a test asks of the fake, to check how a connector maps each. */
export type GraphFault =
  /** Meta's error envelope; with `regainMinutes`, usage headers at 100 % saying when access returns. */
  | {
      readonly kind: 'graph-error';
      readonly error: FakeGraphError;
      readonly regainMinutes?: number;
      /** Extra response headers, such as Retry-After on an HTTP 429. */
      readonly headers?: Readonly<Record<string, string>>;
      readonly match?: FaultMatch;
    }
  /** A proxy's or load balancer's HTML error page instead of JSON; nothing applied. */
  | { readonly kind: 'html'; readonly status: number; readonly match?: FaultMatch }
  /** The request is applied, then answered with this body (wrong JSON, missing fields). */
  | { readonly kind: 'body'; readonly status: number; readonly text: string; readonly match?: FaultMatch }
  /** The request is applied, then the answer is cut off halfway. */
  | { readonly kind: 'truncated'; readonly match?: FaultMatch }
  /** The request is applied, then never answered: the client can only time out. */
  | { readonly kind: 'timeout-after-send'; readonly match?: FaultMatch };

export class FakeFaults {
  private readonly queue: GraphFault[] = [];

  add(fault: GraphFault): void {
    this.queue.push(fault);
  }

  take(method: string, path: string): GraphFault | undefined {
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
