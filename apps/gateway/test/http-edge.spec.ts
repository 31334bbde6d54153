import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../src/interface/http/security-headers.middleware.js';
import { startGatewayOnPostgres, type GatewayOnPostgres } from './support/gateway-on-postgres.js';

// The gateway's HTTP edge: security headers on every answer (success, error, proxied), no CORS, a body limit.

describe('gateway HTTP edge (PostgreSQL)', () => {
  let g: GatewayOnPostgres;

  beforeAll(async () => {
    g = await startGatewayOnPostgres();
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  it.each([
    ['GET', '/health/live', 200],
    ['GET', '/api/me', 401],
    ['POST', '/api/auth/sign-in', 400],
    ['GET', '/api/echo/anything', 401],
    ['GET', '/api/nowhere/at-all', 401],
  ])('sends the security headers on %s %s (%i)', async (method, path, status) => {
    const response = await fetch(`${g.url}${path}`, {
      method,
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
    expect(response.status).toBe(status);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(response.headers.get(name), name).toBe(value);
    }
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('strict-transport-security')).toBeNull(); // plain HTTP here
    if (path.startsWith('/api/')) {
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('refuses a body over 1 MiB with 413 before it reaches a handler', async () => {
    const response = await fetch(`${g.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(response.status).toBe(413);
  });

  it('answers a CORS preflight from another origin without allowing it', async () => {
    const response = await fetch(`${g.url}/api/me`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
