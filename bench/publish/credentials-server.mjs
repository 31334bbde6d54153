// The gateway's internal credentials API as the publisher calls it (POST /internal/channels/credentials with
// { channelIds } and the internal token), answering for the benchmark's channels on the fake network. The
// gateway itself and its vault are measured elsewhere; here they would only add the cost of 1,000 OAuth
// connections.
import { createServer } from 'node:http';

export async function startCredentialsServer(internalToken, credentialsByChannel) {
  const answer = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const resultOf = (channelId) => {
    const credentials = credentialsByChannel.get(channelId);
    return credentials
      ? { channelId, status: 200, network: 'mastodon', credentials }
      : { channelId, status: 404, message: 'no such channel' };
  };
  const server = createServer((req, res) => {
    if (req.headers['x-chorus-service-token'] !== internalToken) {
      answer(res, 401, { message: 'internal token required' });
      return;
    }
    if (req.method === 'POST' && req.url === '/internal/channels/credentials') {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const { channelIds } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        answer(res, 200, { results: channelIds.map(resultOf) });
      });
      return;
    }
    answer(res, 404, { message: 'no such route' });
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
