import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLISHER_OPTIONS, publisherOptions } from './publisher-options.value-object.js';

describe('publisher options', () => {
  it('by default, a lease no attempt outlives: at least credentials + look-up + publish', () => {
    const o = DEFAULT_PUBLISHER_OPTIONS;
    expect(o.leaseMs).toBeGreaterThanOrEqual(o.credentialsTimeoutMs + o.lookupTimeoutMs + o.publishTimeoutMs);
    expect(o.publishTimeoutMs).toBe(600_000);
    expect(publisherOptions(undefined)).toEqual(o);
  });

  it('refuses a lease shorter than the sum of the step timeouts', () => {
    expect(() => publisherOptions({ leaseMs: 11 * 60_000 })).toThrow(/leaseMs .* step timeouts/);
    expect(
      publisherOptions({
        leaseMs: 20_000,
        publishTimeoutMs: 5_000,
        lookupTimeoutMs: 5_000,
        credentialsTimeoutMs: 5_000,
      }).leaseMs,
    ).toBe(20_000);
  });
});
