// The gateway's internal credentials API as the publisher calls it (GET /internal/channels/:id/credentials
// with the internal token), answering for the benchmark's channels on the fake network. The gateway itself
// and its vault are measured elsewhere; here they would only add the cost of 1,000 OAuth connections.
import { createServer } from 'node:http';

export async function startCredentialsServer(internalToken, credentialsByChannel) {
  const server = createServer((req, res) => {
    const match = /^\/internal\/channels\/([^/]+)\/credentials$/u.exec(req.url ?? '');
    if (req.headers['x-chorus-service-token'] !== internalToken) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'internal token required' }));
      return;
    }
    const credentials = match ? credentialsByChannel.get(match[1]) : undefined;
    if (!credentials) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'no such channel' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ channelId: match[1], network: 'mastodon', credentials }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
