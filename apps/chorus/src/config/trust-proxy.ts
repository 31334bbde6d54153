import { isIP } from 'node:net';
import { z } from 'zod';

/** proxy-addr's named ranges: 127.0.0.1/8 and ::1; 169.254.0.0/16 and fe80::/10; private ranges and fc00::/7. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) {
    return true;
  }
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) {
    return false;
  }
  if (prefix === undefined) {
    return true;
  }
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  return bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

/**
 * CHORUS_TRUST_PROXY: which peers are the installation's reverse proxies, so that the client's address and
 * protocol are read from X-Forwarded-For / X-Forwarded-Proto (docs/adr/0017). Unset: nobody; the socket's peer
 * is the client and those headers are ignored. A number 1-10: that many hops in front of the gateway are proxies
 * (only safe when nothing else can reach the gateway's port). Otherwise a comma-separated list of addresses,
 * CIDR ranges and the names loopback, linklocal, uniquelocal (safer: a direct client cannot pose as a proxy).
 */
export const trustProxyVariable = z
  .string()
  .trim()
  .optional()
  .transform((value, context): number | string[] | undefined => {
    if (value === undefined || value === '') {
      return undefined;
    }
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops < 1 || hops > 10) {
        context.addIssue({ code: 'custom', message: 'a hop count must be 1 to 10' });
        return z.NEVER;
      }
      return hops;
    }
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isAddressOrRange(entry));
    if (bad.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `not an address, a CIDR range or loopback/linklocal/uniquelocal: ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  })
  .describe(
    'the reverse proxies in front of the gateway: a hop count (1-10) or addresses and CIDR ranges, ' +
      'e.g. 10.0.0.0/8,loopback',
  );
