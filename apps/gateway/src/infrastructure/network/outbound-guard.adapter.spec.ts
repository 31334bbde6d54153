import type { lookup } from 'node:dns';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../domain/network-address.value-object.js';
import { PrivateNetworkTargetError } from '../../domain/network-target.errors.js';
import { PUBLIC_TARGETS_ONLY, assertPublicTarget, guardedFetch } from './outbound-guard.adapter.js';

// A real HTTP server on loopback stands for the internal service an attacker aims at. DNS is the outside world:
// a resolver that answers what the attacker's name server would (a public address first, loopback later).

let server: Server;
let port: number;
let hits = 0;

/** Resolves every name to the addresses given, in turn (the last one repeats): a rebinding name server. */
function resolverAnswering(...answers: string[]): typeof lookup {
  let call = 0;
  const fake = (_host: string, options: unknown, callback: unknown) => {
    const address = answers[Math.min(call, answers.length - 1)]!;
    call += 1;
    const family = address.includes(':') ? 6 : 4;
    const all = (options as { all?: boolean }).all === true;
    const done = callback as (e: null, a: unknown, f?: number) => void;
    setImmediate(() => (all ? done(null, [{ address, family }]) : done(null, address, family)));
  };
  return fake as unknown as typeof lookup;
}

beforeAll(async () => {
  server = createServer((_request, response) => {
    hits += 1;
    response.end('internal secrets');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('outbound address guard', () => {
  it('refuses at input a name that resolves to a private address, and literal private addresses', async () => {
    const internal = resolverAnswering('10.0.0.7');
    await expect(
      assertPublicTarget(new URL('https://hooks.attacker.test/x'), PUBLIC_TARGETS_ONLY, internal),
    ).rejects.toBeInstanceOf(PrivateNetworkTargetError);
    await expect(
      assertPublicTarget(new URL('https://169.254.169.254/'), PUBLIC_TARGETS_ONLY),
    ).rejects.toBeInstanceOf(PrivateNetworkTargetError);
    await expect(
      assertPublicTarget(
        new URL('https://hooks.example.test/x'),
        PUBLIC_TARGETS_ONLY,
        resolverAnswering('93.184.215.14'),
      ),
    ).resolves.toBeUndefined();
  });

  it('refuses at connect time a name that now resolves to loopback (DNS rebinding): nothing reaches it', async () => {
    // The input check saw a public address; the connection would go to 127.0.0.1.
    const rebinding = resolverAnswering('93.184.215.14', '127.0.0.1');
    const url = new URL(`http://hooks.attacker.test:${port}/`);
    await assertPublicTarget(url, PUBLIC_TARGETS_ONLY, rebinding);
    const before = hits;
    const error = await guardedFetch(PUBLIC_TARGETS_ONLY, rebinding)(url).catch((e: unknown) => e);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECHORUS_PRIVATE_TARGET');
    expect(hits).toBe(before);
  });

  it('refuses literal loopback and localhost without asking DNS', async () => {
    for (const url of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`, `http://[::1]:${port}/`]) {
      const error = await guardedFetch(PUBLIC_TARGETS_ONLY)(url).catch((e: unknown) => e);
      expect((error as { cause?: { code?: string } }).cause?.code, url).toBe('ECHORUS_PRIVATE_TARGET');
    }
  });

  it('refuses a redirect to a private address, literal or named: every hop is checked on connect', async () => {
    // The test plays the internet at 127.0.0.2: an attacker's public server answering 302 to loopback.
    const internet = (address: string) => address === '127.0.0.2' || isPublicAddress(address);
    const locations = [
      `http://127.0.0.1:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://internal.test:${port}/`,
    ];
    const redirector = createServer((request, response) => {
      response.writeHead(302, { location: locations[Number(request.url!.slice(1))]! }).end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.2', resolve));
    const redirectorPort = (redirector.address() as { port: number }).port;
    try {
      // Per name, so every connection to the redirector resolves to it, and only the hop's name to loopback.
      const attacker = ((host: string, options: unknown, callback: unknown) =>
        resolverAnswering(host === 'internal.test' ? '127.0.0.1' : '127.0.0.2')(
          host,
          options as never,
          callback as never,
        )) as unknown as typeof lookup;
      const fetchGuarded = guardedFetch(PUBLIC_TARGETS_ONLY, attacker, internet);
      const before = hits;
      for (const [hop, location] of locations.entries()) {
        const error = await fetchGuarded(`http://hooks.attacker.test:${redirectorPort}/${hop}`).catch(
          (e: unknown) => e,
        );
        expect((error as { cause?: { code?: string } }).cause?.code, location).toBe('ECHORUS_PRIVATE_TARGET');
      }
      expect(hits).toBe(before);
      // Without the redirect the same server is reached: the refusal is the hop's, not the first URL's.
      const direct = await guardedFetch(
        PUBLIC_TARGETS_ONLY,
        resolverAnswering('127.0.0.2'),
        internet,
      )(`http://hooks.attacker.test:${redirectorPort}/0`, { redirect: 'manual' });
      expect(direct.status).toBe(302);
    } finally {
      await new Promise((resolve) => redirector.close(resolve));
    }
  });

  it('lets loopback through when the installation allows private targets (tests, local fakes)', async () => {
    const allowed = { allowPrivateNetworkTargets: true };
    await assertPublicTarget(new URL(`http://127.0.0.1:${port}/`), allowed);
    const answer = await guardedFetch(allowed)(`http://127.0.0.1:${port}/`);
    expect(await answer.text()).toBe('internal secrets');
  });
});
