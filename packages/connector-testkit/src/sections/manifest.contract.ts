import { describe, expect, it } from 'vitest';
import { missingCapabilities, type ConnectorManifest } from '@chorus/connector-sdk';
import type { HarnessHolder } from '../harness.js';

export function manifestContract(manifest: ConnectorManifest, holder: HarnessHolder, timeout: number): void {
  describe('manifest and creation', () => {
    it('the manifest names a network and an SDK range', () => {
      expect(manifest.network).toMatch(/^[a-z][a-z0-9-]+$/);
      expect(manifest.sdk.length).toBeGreaterThan(0);
    });

    it(
      'the connector is created with the setup configuration and connects an account',
      () => {
        const { credentials } = holder.get();
        expect(credentials.accountId.length).toBeGreaterThan(0);
        expect(credentials.accessToken.length).toBeGreaterThan(0);
      },
      timeout,
    );

    it('implements every capability the manifest declares', () => {
      const { connector } = holder.get();
      // create() refuses a connector lacking a declared capability; this names what is exposed.
      expect(missingCapabilities(manifest, { ...connector, auth: connector.auth })).toEqual([]);
    });
  });
}
