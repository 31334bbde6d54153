import { describe, expect, it } from 'vitest';
import { clientNetworkOf, signInThrottleKeys } from './auth-throttle.value-object.js';

describe('per-address throttle keys', () => {
  it('keys an IPv6 client by its /64: one subscriber cannot rotate through its 2^64 addresses', () => {
    const key = (ip: string) => signInThrottleKeys('a@example.test', ip)[1]!.key;
    expect(key('2001:db8:1:2::1')).toBe(key('2001:db8:1:2:ffff:eeee:dddd:cccc'));
    expect(key('2001:db8:1:2::1')).not.toBe(key('2001:db8:1:3::1'));
    expect(clientNetworkOf('2001:0db8:0001:0002:0000:0000:0000:0001')).toBe('2001:db8:1:2::/64');
    expect(clientNetworkOf('[2001:db8::1]')).toBe('2001:db8:0:0::/64');
    expect(clientNetworkOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientNetworkOf('::1')).toBe('0:0:0:0::/64');
  });

  it('keys an IPv4 client by its address, unwrapping an IPv4-mapped one', () => {
    expect(clientNetworkOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetworkOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetworkOf('203.0.113.8')).not.toBe(clientNetworkOf('203.0.113.7'));
  });
});
