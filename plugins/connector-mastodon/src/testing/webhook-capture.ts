import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookRequest } from '@chorus/connector-sdk';

/** A receiver on loopback that keeps every request exactly as it arrived, for tests of webhook deliveries. */
export class WebhookCapture {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly received: readonly WebhookRequest[],
  ) {}

  static async start(): Promise<WebhookCapture> {
    const received: WebhookRequest[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(request.headers)) {
          headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        received.push({ rawBody: Buffer.concat(chunks), headers });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
    return new WebhookCapture(server, url, received);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
