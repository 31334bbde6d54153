import { BlockList, isIP } from 'node:net';

/**
 * Addresses an outbound request of ours (a notification webhook, a connector calling a server a member named)
 * must not reach unless the installation allows it: loopback, private, link-local (169.254.169.254 is the
 * cloud metadata service), carrier-grade NAT, multicast, reserved and documentation ranges, and IPv6's
 * equivalents. IPv4-mapped, -compatible and -translated IPv6 and NAT64 prefixes are refused whole: a public server is
 * never reached through them.
 */
// Two lists: a BlockList holding an IPv6 rule for mapped addresses matches every IPv4 address checked in it.
const NOT_PUBLIC_V4 = new BlockList();
const NOT_PUBLIC_V6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC_V4.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  ['::ffff:0:0', 96], // IPv4-mapped
  ['::ffff:0:0:0', 96], // IPv4-translated (RFC 2765)
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC_V6.addSubnet(network, prefix, 'ipv6');
}

/** True for an IP address on the public internet; false for any other address or a non-address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) {
    return false;
  }
  return family === 4 ? !NOT_PUBLIC_V4.check(bare, 'ipv4') : !NOT_PUBLIC_V6.check(bare, 'ipv6');
}

/** The URL's host when it is an IP literal (brackets removed), else null. */
export function literalAddressOf(url: URL): string | null {
  const bare = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(bare) === 0 ? null : bare;
}

/** Names that always mean this machine, whatever DNS says. */
export function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}
