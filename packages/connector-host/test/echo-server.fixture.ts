import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type EchoMode =
  | { readonly kind: 'ok'; readonly headers?: Record<string, string> }
  | { readonly kind: 'status'; readonly status: number; readonly headers?: Record<string, string> }
  | { readonly kind: 'hang' };

/** "The network" for the echo connector: counts posts per token and answers as told. */
export class EchoServer {
  readonly received: { token: string; body: string }[] = [];
  mode: EchoMode = { kind: 'ok' };

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<EchoServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const echo = new EchoServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const token = (request.headers.authorization ?? '').replace('Bearer ', '');
        echo.received.push({ token, body: Buffer.concat(chunks).toString() });
        const mode = echo.mode;
        if (mode.kind === 'hang') {
          return;
        }
        const status = mode.kind === 'ok' ? 200 : mode.status;
        response.writeHead(status, { 'content-type': 'application/json', ...mode.headers });
        response.end(JSON.stringify(status === 200 ? { id: String(echo.received.length) } : { error: 'no' }));
      });
    });
    return echo;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
