import { describe, expect, it } from 'vitest';
import { embeddedConfigSchema } from '../src/config/embedded-config.js';
import { gatewayConfigSchema } from '../src/config/service-config.js';

// CHORUS_TRUST_PROXY names the reverse proxies whose X-Forwarded-* headers the gateway believes (docs/adr/0017).

describe('CHORUS_TRUST_PROXY', () => {
  it('is unset by default: nobody is trusted', () => {
    expect(embeddedConfigSchema.parse({}).CHORUS_TRUST_PROXY).toBeUndefined();
  });

  it('takes a hop count or a list of addresses, CIDR ranges and named ranges', () => {
    expect(embeddedConfigSchema.parse({ CHORUS_TRUST_PROXY: '2' }).CHORUS_TRUST_PROXY).toBe(2);
    expect(
      embeddedConfigSchema.parse({ CHORUS_TRUST_PROXY: '10.0.0.0/8, loopback,fd00::/8,192.0.2.10' })
        .CHORUS_TRUST_PROXY,
    ).toEqual(['10.0.0.0/8', 'loopback', 'fd00::/8', '192.0.2.10']);
  });

  it('refuses anything else, naming the variable and the entry', () => {
    for (const [value, problem] of [
      ['0', '1 to 10'],
      ['11', '1 to 10'],
      ['true', 'true'],
      ['10.0.0.0/33', '10.0.0.0/33'],
      ['proxy.example.com', 'proxy.example.com'],
      ['10.0.0.1/8/8', '10.0.0.1/8/8'],
    ] as const) {
      const result = gatewayConfigSchema.safeParse({ CHORUS_TRUST_PROXY: value });
      expect(result.success, value).toBe(false);
      const issue = result.error?.issues.find((i) => i.path[0] === 'CHORUS_TRUST_PROXY');
      expect(issue?.message, value).toContain(problem);
    }
  });
});
