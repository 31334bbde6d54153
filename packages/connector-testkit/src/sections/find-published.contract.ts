import { describe, expect } from 'vitest';
import type { ConnectorManifest } from '@chorus/connector-sdk';
import type { HarnessHolder } from '../harness.js';
import { unique, withBase } from '../harness.js';
import { itWhenDeclared } from '../declared.js';

export function findPublishedContract(
  manifest: ConnectorManifest,
  holder: HarnessHolder,
  timeout: number,
): void {
  const declared = manifest.capabilities.findPublished !== undefined;
  const window = (from: Date) => ({
    from: new Date(from.getTime() - 1000).toISOString(),
    to: new Date(Date.now() + 1000).toISOString(),
  });
  describe('findPublished (reconciliation)', () => {
    itWhenDeclared(
      declared,
      'finds a post just published, by fingerprint within its window',
      'no findPublished capability',
      async () => {
        const harness = holder.get();
        const { connector, credentials } = harness;
        const started = new Date();
        const key = unique('find');
        const post = withBase(harness, { text: unique('To be found') });
        const published = await connector.publish!(credentials, {
          idempotencyKey: key,
          fingerprint: key,
          post,
        });
        const found = await connector.findPublished!(credentials, {
          idempotencyKey: key,
          fingerprint: key,
          post,
          window: window(started),
        });
        expect(found).toMatchObject({ status: 'found', remoteId: published.remoteId });
      },
      timeout,
    );

    itWhenDeclared(
      declared,
      'answers not-found for a post that was never published',
      'no findPublished capability',
      async () => {
        const harness = holder.get();
        const { connector, credentials } = harness;
        const key = unique('never');
        const found = await connector.findPublished!(credentials, {
          idempotencyKey: key,
          fingerprint: key,
          post: withBase(harness, { text: unique('Never published') }),
          window: window(new Date(Date.now() - 60_000)),
        });
        expect(found.status).toBe('not-found');
      },
      timeout,
    );
  });
}
