import { describe, expect, it } from 'vitest';
import { defaultPublicUrl } from '../src/config/public-url.js';
import { embeddedConfigSchema } from '../src/config/embedded-config.js';
import { gatewayConfigSchema } from '../src/config/service-config.js';

// CHORUS_PUBLIC_URL makes the links in e-mail (reset, invitation, notifications) absolute.

describe('CHORUS_PUBLIC_URL', () => {
  it('takes an http(s) URL and drops a trailing slash', () => {
    const config = embeddedConfigSchema.parse({ CHORUS_PUBLIC_URL: 'https://chorus.example.com/' });
    expect(config.CHORUS_PUBLIC_URL).toBe('https://chorus.example.com');
  });

  it('refuses what is not an http(s) URL, naming the variable', () => {
    for (const value of [
      'chorus.example.com',
      'ftp://chorus.example.com',
      'https://chorus.example.com/?a=1',
    ]) {
      const result = gatewayConfigSchema.safeParse({ CHORUS_PUBLIC_URL: value });
      expect(result.success).toBe(false);
      expect(result.error?.issues.some((i) => i.path[0] === 'CHORUS_PUBLIC_URL')).toBe(true);
    }
  });

  it('defaults to where the embedded gateway listens', () => {
    expect(defaultPublicUrl('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
    expect(defaultPublicUrl('0.0.0.0', 8080)).toBe('http://localhost:8080');
    expect(defaultPublicUrl('127.0.0.1', 0)).toBeUndefined();
  });
});
