import { describe, expect, it } from 'vitest';
import { sdkIncompatibility } from './check-compatibility.js';

const peer = (range: string) => ({ peerDependencies: { '@chorus/connector-sdk': range } });

describe('sdkIncompatibility', () => {
  it('accepts a host SDK inside the peer range and the manifest range', () => {
    expect(sdkIncompatibility(peer('^1.0.0'), '^1.0.0', '1.4.2')).toBeUndefined();
  });

  it('refuses a host SDK outside either range, or a missing or malformed range', () => {
    expect(sdkIncompatibility(peer('^1.5.0'), undefined, '1.4.2')).toBe(
      'it needs @chorus/connector-sdk ^1.5.0 but this host runs 1.4.2',
    );
    expect(sdkIncompatibility(peer('^1.0.0'), '>=1.5', '1.4.2')).toMatch(/its manifest needs/);
    expect(sdkIncompatibility({}, undefined, '1.0.0')).toMatch(/declares no peerDependency/);
    expect(sdkIncompatibility(peer('banana'), undefined, '1.0.0')).toMatch(/is not a semver range/);
  });
});
