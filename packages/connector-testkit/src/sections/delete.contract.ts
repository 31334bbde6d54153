import { describe, expect } from 'vitest';
import type { ConnectorManifest } from '@chorus/connector-sdk';
import type { HarnessHolder } from '../harness.js';
import { unique } from '../harness.js';
import { itWhenDeclared, required } from '../declared.js';
import { publishPost } from './publish.contract.js';

export function deleteContract(manifest: ConnectorManifest, holder: HarnessHolder, timeout: number): void {
  describe('delete', () => {
    itWhenDeclared(
      manifest.capabilities.delete,
      'deletes a post, which another user then no longer sees',
      'delete is false',
      async () => {
        const harness = holder.get();
        const result = await publishPost(harness, { text: unique('To be deleted') });
        await harness.connector.delete!(harness.credentials, { remoteId: result.remoteId });
        expect(await required(harness.setup.peer, 'setup.peer').view(result.remoteId)).toBeNull();
        // Deleting again is harmless: a retried delete must not fail.
        await harness.connector.delete!(harness.credentials, { remoteId: result.remoteId });
      },
      timeout,
    );
  });
}
