import { lookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { Agent, buildConnector } from 'undici';
import type { OutboundTargets } from '../../application/ports/outbound-targets.port.js';
import { PrivateNetworkTargetError } from '../../domain/network-target.errors.js';
import { OUTBOUND_POLICY } from '../../gateway.tokens.js';
import { isLocalName, isPublicAddress, literalAddressOf } from '../../domain/network-address.value-object.js';

/** CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS: tests and fakes on this machine; never on a shared installation. */
export interface OutboundPolicy {
  readonly allowPrivateNetworkTargets: boolean;
}

export const PUBLIC_TARGETS_ONLY: OutboundPolicy = { allowPrivateNetworkTargets: false };

const INPUT_LOOKUP_TIMEOUT_MS = 2000;

/**
 * At input: refuses a URL whose host is, or resolves to, an address that is not public. A name that does not
 * resolve now is let through (DNS may be down, or the name not live yet): the connect-time guard still holds.
 */
export async function assertPublicTarget(
  url: URL,
  policy: OutboundPolicy,
  dnsLookup: typeof lookup = lookup,
): Promise<void> {
  if (policy.allowPrivateNetworkTargets) {
    return;
  }
  const literal = literalAddressOf(url);
  if (literal !== null || isLocalName(url.hostname)) {
    if (literal === null || !isPublicAddress(literal)) {
      throw new PrivateNetworkTargetError(url.hostname);
    }
    return;
  }
  const addresses = await resolveAll(url.hostname, dnsLookup).catch(() => []);
  if (addresses.some((a) => !isPublicAddress(a.address))) {
    throw new PrivateNetworkTargetError(url.hostname);
  }
}

/**
 * A fetch whose connections go to public addresses only. Every connection undici opens through it (the first
 * URL and each redirect hop, which undici follows on the same dispatcher) is checked twice: a name on the
 * address DNS gives (a name that resolved to a public address at input and to 169.254.169.254 now, DNS
 * rebinding, is refused), and every socket on the address it is connected to before a byte is written. The
 * second check is the one that holds for IP literals, for which Node never calls `lookup`.
 */
export function guardedFetch(
  policy: OutboundPolicy,
  dnsLookup: typeof lookup = lookup,
  isPublic: (address: string) => boolean = isPublicAddress,
): typeof fetch {
  if (policy.allowPrivateNetworkTargets) {
    return globalThis.fetch;
  }
  const dispatcher = new Agent({ connect: publicOnlyConnector(dnsLookup, isPublic) });
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const literal = literalAddressOf(url);
    if ((literal !== null && !isPublic(literal)) || isLocalName(url.hostname)) {
      return Promise.reject(
        new TypeError('fetch failed', { cause: new PrivateNetworkTargetError(url.hostname) }),
      );
    }
    // Node's fetch is undici: it takes a dispatcher of the same major version.
    const withDispatcher: RequestInit = { ...init, dispatcher };
    return globalThis.fetch(input, withDispatcher);
  };
}

/** undici's own connector, refusing a local name or private literal up front and any non-public peer after. */
function publicOnlyConnector(
  dnsLookup: typeof lookup,
  isPublic: (address: string) => boolean,
): buildConnector.connector {
  const connect = buildConnector({ lookup: publicOnlyLookup(dnsLookup, isPublic) });
  return (options, callback) => {
    const host = options.hostname.replace(/^\[|\]$/g, '');
    if (isLocalName(host) || (isIP(host) !== 0 && !isPublic(host))) {
      callback(new PrivateNetworkTargetError(options.hostname), null);
      return;
    }
    connect(options, (error, socket) => {
      if (error !== null) {
        callback(error, null);
        return;
      }
      const peer = socket.remoteAddress;
      if (peer === undefined || !isPublic(peer)) {
        socket.destroy();
        callback(new PrivateNetworkTargetError(options.hostname), null);
        return;
      }
      callback(null, socket);
    });
  };
}

const publicOnlyLookup =
  (dnsLookup: typeof lookup, isPublic: (address: string) => boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) {
        callback(error, '', 4);
        return;
      }
      const list: LookupAddress[] = addresses;
      const refused = list.find((a) => !isPublic(a.address));
      if (refused !== undefined || list.length === 0) {
        callback(new PrivateNetworkTargetError(hostname), '', 4);
        return;
      }
      if ((options as { all?: boolean }).all === true) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
        return;
      }
      callback(null, list[0]!.address, list[0]!.family);
    });
  };

function resolveAll(hostname: string, dnsLookup: typeof lookup): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('lookup timed out')), INPUT_LOOKUP_TIMEOUT_MS);
    timer.unref();
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      clearTimeout(timer);
      if (error === null) {
        resolve(addresses);
      } else {
        reject(error);
      }
    });
  });
}

/** The input check as a port for the handlers, with the installation's policy. */
@Injectable()
export class OutboundTargetsAdapter implements OutboundTargets {
  private readonly policy: OutboundPolicy;

  constructor(@Optional() @Inject(OUTBOUND_POLICY) policy: OutboundPolicy | undefined) {
    this.policy = policy ?? PUBLIC_TARGETS_ONLY;
  }

  assertPublic(url: URL): Promise<void> {
    return assertPublicTarget(url, this.policy);
  }
}
