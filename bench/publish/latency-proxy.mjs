// A loopback proxy in front of the fake network: every request waits `latencyMs` before it is forwarded (the
// network's own latency), and the first arrival of each publish call is recorded by its Idempotency-Key:
// that is when the call started, which lateness is measured from.
import { createServer, request as httpRequest } from 'node:http';

export async function startLatencyProxy(targetUrl, latencyMs) {
  const target = new URL(targetUrl);
  const callStarts = new Map();
  const server = createServer((req, res) => {
    const arrived = Date.now();
    const key = req.headers['idempotency-key'];
    if (
      req.method === 'POST' &&
      req.url === '/api/v1/statuses' &&
      typeof key === 'string' &&
      !callStarts.has(key)
    ) {
      callStarts.set(key, arrived);
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      setTimeout(() => {
        const out = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: target.host },
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        out.on('error', () => res.socket?.destroy());
        out.end(Buffer.concat(chunks));
      }, latencyMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    callStarts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
