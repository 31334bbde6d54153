/** A request the gateway forwards to a service, path relative to the service root ('/goals?x=1'). */
export interface UpstreamRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** How the gateway reaches one service: over HTTP (distributed) or by in-process injection (embedded). */
export interface Upstream {
  forward(request: UpstreamRequest): Promise<UpstreamResponse>;
}

/** The service could not be reached at all (refused, timed out): the gateway answers 502. */
export class UpstreamUnavailableError extends Error {
  constructor(
    readonly service: string,
    cause: unknown,
  ) {
    super(`The ${service} service did not answer`, { cause });
    this.name = 'UpstreamUnavailableError';
  }
}

// Connection-level headers describe one hop and must not be forwarded (RFC 9110, section 7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

export function endToEndHeaders(
  headers: Record<string, string | string[] | number | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name.toLowerCase())) {
      continue;
    }
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
