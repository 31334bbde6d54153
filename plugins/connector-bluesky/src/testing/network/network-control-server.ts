import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  startLocalBlueskyNetwork,
  type LocalBlueskyNetwork,
  type LocalNetworkOptions,
} from './local-network.js';
import type { NetworkDescription } from './test-network.js';

export interface NetworkControlServer {
  /** Where test processes reach it (loopback only). */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves one local network to every test process of a run, over loopback HTTP: `GET /network` starts it on first
 * use (a run without Bluesky tests never pays for it) and describes it; `POST /process-all` waits until the
 * AppView has indexed everything, which a test process cannot ask of a network in another process otherwise.
 */
export async function startNetworkControlServer(
  options: LocalNetworkOptions = {},
): Promise<NetworkControlServer> {
  let network: Promise<LocalBlueskyNetwork> | undefined;
  const started = () => (network ??= startLocalBlueskyNetwork(options));
  const server: Server = createServer((request, response) => {
    const answer = async () => {
      if (request.method === 'GET' && request.url === '/network') {
        const running = await started();
        const description: NetworkDescription = {
          pdsUrl: running.pdsUrl,
          appViewUrl: running.appViewUrl,
          plcUrl: running.plcUrl,
          accessTokenSecret: running.accessTokenSecret,
          startupSeconds: running.startupSeconds,
        };
        return { status: 200, body: JSON.stringify(description) };
      }
      if (request.method === 'POST' && request.url === '/process-all') {
        await (await started()).processAll();
        return { status: 204, body: '' };
      }
      return { status: 404, body: JSON.stringify({ error: 'not found' }) };
    };
    answer().then(
      ({ status, body }) => response.writeHead(status, { 'content-type': 'application/json' }).end(body),
      (error: unknown) =>
        response
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) })),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      // A network that failed to start has nothing to close.
      await network?.then((running) => running.close()).catch(() => undefined);
    },
  };
}
