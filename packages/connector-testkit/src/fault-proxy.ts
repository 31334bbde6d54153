import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContractFault } from './contract-setup.js';

export interface ProxiedResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface FaultProxyOptions {
  /** The real (local) network, such as a Bluesky dev-env PDS. */
  readonly target: string;
  /** Which requests a fault applies to: the one that creates the post. */
  isPublish(request: { readonly method: string; readonly path: string }): boolean;
  /** How this network says each refusal (status, headers such as Retry-After, error body). */
  respond(fault: Exclude<ContractFault, { kind: 'timeout-after-send' }>): ProxiedResponse;
}

export interface FaultProxy {
  /** Give this URL to the connector instead of the network's. */
  readonly url: string;
  readonly faults: { next(fault: ContractFault): void };
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of a network the tests run for real, which cannot be told to misbehave: it passes
 * everything through, except that the next publish meets the queued fault. A timeout-after-send is forwarded
 * (the network applies it) and its answer withheld.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const queue: ContractFault[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = request.url ?? '/';
      const method = request.method ?? 'GET';
      const fault = options.isPublish({ method, path }) ? queue.shift() : undefined;
      if (fault && fault.kind !== 'timeout-after-send') {
        const refusal = options.respond(fault);
        response.writeHead(refusal.status, { 'content-type': 'application/json', ...refusal.headers });
        response.end(refusal.body ?? '');
        return;
      }
      const upstream = await forward(options.target, request, method, path).catch(
        (error: unknown) => error as Error,
      );
      if (fault?.kind === 'timeout-after-send') {
        return;
      } // applied upstream; the answer never leaves
      if (upstream instanceof Error) {
        response.writeHead(502, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'BadGateway', message: upstream.message }));
        return;
      }
      const headers = Object.fromEntries([...upstream.headers].filter(([name]) => !HOP_BY_HOP.has(name)));
      response.writeHead(upstream.status, headers);
      response.end(Buffer.from(await upstream.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    faults: { next: (fault) => queue.push(fault) },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
]);

async function forward(
  target: string,
  request: IncomingMessage,
  method: string,
  path: string,
): Promise<Response> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  const headers = Object.entries(request.headers).flatMap(([name, value]) =>
    name === 'host' || value === undefined
      ? []
      : [[name, Array.isArray(value) ? value.join(', ') : value] as [string, string]],
  );
  const body = chunks.length > 0 && method !== 'GET' && method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
  return fetch(new URL(path, target), { method, headers, body });
}
