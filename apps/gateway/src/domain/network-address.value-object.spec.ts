import { describe, expect, it } from 'vitest';
import { isLocalName, isPublicAddress, literalAddressOf } from './network-address.value-object.js';

describe('public network addresses', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    '[::1]',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '::127.0.0.1',
    '::a9fe:a9fe',
    '::ffff:0:7f00:1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b:1::a9fe:a9fe',
    '64:ff9b:1:ffff::1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '[2a00:1450:4007:80e::200e]'])(
    'accepts %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('reads IP literals out of URLs, IPv6 in brackets too', () => {
    expect(literalAddressOf(new URL('https://169.254.169.254/latest'))).toBe('169.254.169.254');
    expect(literalAddressOf(new URL('https://[::1]:8443/'))).toBe('::1');
    expect(literalAddressOf(new URL('https://hooks.example.com/'))).toBeNull();
    // WHATWG URL parsing normalises the odd IPv4 spellings an attacker would try.
    expect(literalAddressOf(new URL('https://2130706433/'))).toBe('127.0.0.1');
    expect(literalAddressOf(new URL('https://0x7f.1/'))).toBe('127.0.0.1');
  });

  it('knows the names that always mean this machine', () => {
    expect(isLocalName('localhost')).toBe(true);
    expect(isLocalName('api.localhost.')).toBe(true);
    expect(isLocalName('localhost.example.com')).toBe(false);
  });
});
