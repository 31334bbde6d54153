import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to the next matching request, after the network behind it has applied it. */
export type ProxyFault = 'garbage-after-apply' | 'drop-after-apply';

/**
 * A loopback HTTP proxy in front of a network's fake, for the failures a fake cannot show by itself: the
 * request reaches the network and is applied, then the answer is replaced by garbage (a 200 with an HTML
 * body), or the connection is dropped before any answer. Everything else passes through untouched.
 */
export class FaultyProxy {
  private readonly faults: { fault: ProxyFault; method: string; path: string }[] = [];

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  static async start(targetUrl: string): Promise<FaultyProxy> {
    const server = createServer();
    const proxy = new FaultyProxy(server, new URL(targetUrl));
    server.on('request', (req, res) => {
      void proxy.forward(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  next(fault: ProxyFault, method: string, path: string): void {
    this.faults.push({ fault, method, path });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async forward(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const index = this.faults.findIndex((f) => f.method === req.method && f.path === req.url?.split('?')[0]);
    const fault = index < 0 ? undefined : this.faults.splice(index, 1)[0]!.fault;
    const upstream = await new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>(
      (resolve, reject) => {
        const out = httpRequest(
          {
            host: this.target.hostname,
            port: this.target.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: this.target.host },
          },
          (answer) => {
            const parts: Buffer[] = [];
            answer.on('data', (part: Buffer) => parts.push(part));
            answer.on('end', () =>
              resolve({
                status: answer.statusCode ?? 502,
                headers: answer.headers,
                body: Buffer.concat(parts),
              }),
            );
          },
        );
        out.on('error', reject);
        out.end(Buffer.concat(chunks));
      },
    ).catch(() => undefined);
    if (upstream === undefined) {
      res.socket?.destroy();
      return;
    }
    if (fault === 'drop-after-apply') {
      res.socket?.destroy();
      return;
    }
    if (fault === 'garbage-after-apply') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end('<html><body>502 Bad Gateway (nginx)</body>');
      return;
    }
    const headers = { ...upstream.headers };
    delete headers['transfer-encoding'];
    delete headers['content-length'];
    delete headers.connection;
    res.writeHead(upstream.status, headers);
    res.end(upstream.body);
  }
}
