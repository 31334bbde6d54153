import { describe, expect, it } from 'vitest';
import { isPrivateHost } from './link-card.js';

describe('isPrivateHost', () => {
  it('refuses loopback, private, link-local and local names, and allows public hosts', () => {
    for (const host of [
      'localhost',
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      'printer.local',
    ]) {
      expect(isPrivateHost(host), host).toBe(true);
    }
    for (const host of ['example.com', '8.8.8.8', '172.32.0.1', '2606:4700::1111']) {
      expect(isPrivateHost(host), host).toBe(false);
    }
  });
});
