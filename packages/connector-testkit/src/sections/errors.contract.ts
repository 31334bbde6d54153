import { describe, expect, it } from 'vitest';
import { classifyError, type ConnectorManifest, type RateLimitedError } from '@chorus/connector-sdk';
import type { Harness, HarnessHolder } from '../harness.js';
import { unique, withBase } from '../harness.js';
import { itWhenDeclared, required } from '../declared.js';
import type { ContractFault } from '../contract-setup.js';

async function failingPublish(harness: Harness, fault: ContractFault) {
  required(harness.setup.faults, 'setup.faults (every connector proves its error mapping)').next(fault);
  const key = unique('fault');
  const post = withBase(harness, { text: unique(`Fault ${fault.kind}`) });
  const started = new Date();
  const error = await harness.connector.publish!(harness.credentials, {
    idempotencyKey: key,
    fingerprint: key,
    post,
  }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `publish should fail when the network answers with ${fault.kind}`).toBeDefined();
  return { error, key, post, started };
}

export function errorsContract(manifest: ConnectorManifest, holder: HarnessHolder, timeout: number): void {
  const publishes = manifest.capabilities.publish !== undefined;
  describe('error mapping', () => {
    itWhenDeclared(
      publishes,
      'HTTP 429 maps to rate-limited with the retry-after the network gave',
      'no publish capability',
      async () => {
        const { error } = await failingPublish(holder.get(), {
          kind: 'rate-limited',
          retryAfterSeconds: 120,
        });
        const classified = classifyError(error, 'publish');
        expect(classified.kind).toBe('rate-limited');
        expect((classified as RateLimitedError).retryAfter).toBeGreaterThanOrEqual(115);
        expect((classified as RateLimitedError).retryAfter).toBeLessThanOrEqual(125);
      },
      timeout,
    );

    it(
      'expired or revoked credentials map to reauth-required',
      async () => {
        const harness = holder.get();
        const credentials = await harness.connectAgain();
        await harness.setup.auth.expire(credentials);
        const error = await harness.connector.auth.verify(credentials).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(classifyError(error, 'auth.verify').kind).toBe('reauth-required');
        if (harness.connector.publish) {
          const key = unique('expired');
          const refused = await harness.connector
            .publish(credentials, {
              idempotencyKey: key,
              fingerprint: key,
              post: withBase(harness, { text: unique('Expired') }),
            })
            .then(
              () => undefined,
              (caught: unknown) => caught,
            );
          expect(classifyError(refused, 'publish').kind).toBe('reauth-required');
        }
      },
      timeout,
    );

    itWhenDeclared(
      publishes,
      'content the network refuses maps to invalid-content',
      'no publish capability',
      async () => {
        const { error } = await failingPublish(holder.get(), { kind: 'invalid-content' });
        expect(classifyError(error, 'publish').kind).toBe('invalid-content');
      },
      timeout,
    );

    itWhenDeclared(
      publishes,
      'a server error during publish maps to ambiguous (it may have been applied)',
      'no publish capability',
      async () => {
        const { error } = await failingPublish(holder.get(), { kind: 'server-error' });
        expect(classifyError(error, 'publish').kind).toBe('ambiguous');
      },
      timeout,
    );

    itWhenDeclared(
      publishes,
      'a timeout after the network applied the post maps to ambiguous; findPublished then finds it',
      'no publish capability',
      async () => {
        const harness = holder.get();
        const { error, key, post, started } = await failingPublish(harness, { kind: 'timeout-after-send' });
        expect(classifyError(error, 'publish').kind).toBe('ambiguous');
        if (!harness.connector.findPublished) {
          return;
        }
        const window = {
          from: new Date(started.getTime() - 1000).toISOString(),
          to: new Date(Date.now() + 1000).toISOString(),
        };
        const found = await harness.connector.findPublished(harness.credentials, {
          idempotencyKey: key,
          fingerprint: key,
          post,
          window,
        });
        expect(found.status).toBe('found');
      },
      timeout,
    );
  });
}
