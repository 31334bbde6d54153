import { describe, expect, it } from 'vitest';
import {
  classifyError,
  countText,
  unitName,
  type ConnectorManifest,
  type InvalidContentError,
  type MediaInput,
} from '@chorus/connector-sdk';
import type { Harness, HarnessHolder } from '../harness.js';
import { unique, withBase } from '../harness.js';
import { itWhenDeclared, required } from '../declared.js';
import { textOfLength } from '../text-builder.js';

export function validationContract(
  manifest: ConnectorManifest,
  holder: HarnessHolder,
  timeout: number,
): void {
  const publish = manifest.capabilities.publish;
  const kinds = new Set(publish?.kinds ?? []);
  const rules = manifest.limits.text;
  describe('validation against the declared limits', () => {
    // Names come from the manifest; values from the limits in force for the account (a server may differ).
    rules.forEach((declaredRule, index) => {
      const method = `counted as ${declaredRule.counting}`;
      const effective = async (harness: Harness) => {
        const limits = await harness.connector.limits(harness.credentials);
        const rule = required(limits.text[index], `text rule ${index} in the account's limits`);
        return { rule, others: limits.text.filter((_other, position) => position !== index) };
      };
      itWhenDeclared(
        publish !== undefined,
        `text exactly at the limit (${method}) is accepted`,
        'no publish capability',
        async () => {
          const harness = holder.get();
          const { rule, others } = await effective(harness);
          const text = required(
            textOfLength(rule, rule.max, others),
            `a text of exactly ${rule.max} ${unitName(rule.counting)}`,
          );
          expect(
            await harness.connector.validate(withBase(harness, { text }), {
              credentials: harness.credentials,
            }),
          ).toEqual([]);
        },
        timeout,
      );

      itWhenDeclared(
        publish !== undefined,
        `text one over the limit (${method}) is refused on the text field with limit and actual`,
        'no publish capability',
        async () => {
          const harness = holder.get();
          const { rule, others } = await effective(harness);
          const text = `${required(textOfLength(rule, rule.max, others), `a text of exactly ${rule.max} ${unitName(rule.counting)}`)}a`;
          const issues = await harness.connector.validate(withBase(harness, { text }), {
            credentials: harness.credentials,
          });
          expect(issues).toContainEqual(
            expect.objectContaining({
              path: ['text'],
              code: 'text-too-long',
              limit: rule.max,
              actual: countText(text, rule),
            }),
          );
        },
        timeout,
      );

      if (declaredRule.urlLength !== undefined) {
        itWhenDeclared(
          publish !== undefined,
          `each link counts as a fixed length, however long it is`,
          'no publish capability',
          async () => {
            const harness = holder.get();
            const { rule } = await effective(harness);
            const urlLength = required(rule.urlLength, 'urlLength in the account limits');
            const url = `https://example.com/${'a'.repeat(urlLength + 40)}`;
            const text = `${'x'.repeat(rule.max - urlLength - 1)} ${url}`;
            expect(
              await harness.connector.validate(withBase(harness, { text }), {
                credentials: harness.credentials,
              }),
            ).toEqual([]);
            expect(
              await harness.connector.validate(withBase(harness, { text: `x${text}` }), {
                credentials: harness.credentials,
              }),
            ).toContainEqual(expect.objectContaining({ code: 'text-too-long', actual: rule.max + 1 }));
          },
          timeout,
        );
      }
    });

    itWhenDeclared(
      publish !== undefined,
      'publish refuses over-limit text before any network call',
      'no publish capability',
      async () => {
        const { connector, credentials, setup } = holder.get();
        const before = await setup.network.publishedCount();
        const text = 'a'.repeat(Math.max(...rules.map((rule) => rule.max)) * 4 + 1);
        const error = await connector.publish!(credentials, {
          idempotencyKey: unique('over'),
          fingerprint: unique('over'),
          post: { text },
        }).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(classifyError(error, 'publish').kind).toBe('invalid-content');
        expect((error as InvalidContentError).issues.length).toBeGreaterThan(0);
        expect(await setup.network.publishedCount()).toBe(before);
      },
      timeout,
    );

    const images = manifest.limits.media?.image;
    itWhenDeclared(
      kinds.has('image') && images !== undefined,
      'more attachments than allowed are refused',
      'publish.kinds has no image',
      async () => {
        const { connector, credentials, setup } = holder.get();
        const image = required(setup.media?.image, 'setup.media.image');
        const limits = await connector.limits(credentials);
        const count = Math.max(limits.media?.maxItems ?? 0, limits.media?.image?.maxCount ?? 0) + 1;
        const media: MediaInput[] = Array.from({ length: count }, () => ({ ...image(), altText: 'alt' }));
        const issues = await connector.validate({ text: 'many', media }, { credentials });
        expect(issues.map((issue) => issue.code)).toEqual(
          expect.arrayContaining([expect.stringMatching(/too-many-media/)]),
        );
      },
      timeout,
    );

    itWhenDeclared(
      kinds.has('image') && images !== undefined,
      'an image type the network does not accept is refused on its field',
      'publish.kinds has no image',
      async () => {
        const { connector, credentials, setup } = holder.get();
        const image = required(setup.media?.image, 'setup.media.image')();
        const issues = await connector.validate(
          { text: 'odd', media: [{ ...image, mimeType: 'image/x-chorus-unknown', altText: 'alt' }] },
          { credentials },
        );
        expect(issues).toContainEqual(
          expect.objectContaining({ path: ['media', 0, 'mimeType'], code: 'media-type-not-allowed' }),
        );
      },
      timeout,
    );

    const poll = manifest.limits.poll;
    itWhenDeclared(
      kinds.has('poll') && poll !== undefined,
      'a poll with too many options is refused',
      'publish.kinds has no poll',
      async () => {
        const { connector, credentials } = holder.get();
        const limits = required(
          (await connector.limits(credentials)).poll,
          "poll limits in the account's limits",
        );
        const options = Array.from({ length: limits.maxOptions + 1 }, (_value, index) => `option ${index}`);
        const issues = await connector.validate(
          { text: 'vote', poll: { options, durationSeconds: limits.minDurationSeconds } },
          { credentials },
        );
        expect(issues).toContainEqual(
          expect.objectContaining({
            path: ['poll', 'options'],
            code: 'poll-too-many-options',
            limit: limits.maxOptions,
          }),
        );
      },
      timeout,
    );

    for (const kind of ['video', 'poll', 'thread', 'first-comment'] as const) {
      if (kinds.has(kind) || publish === undefined) {
        continue;
      }
      it(
        `content the manifest does not declare (${kind}) is refused as not supported`,
        async () => {
          const { connector, credentials } = holder.get();
          const post = {
            text: 'undeclared',
            ...(kind === 'video'
              ? {
                  media: [
                    {
                      kind: 'video' as const,
                      mimeType: 'video/mp4',
                      source: { kind: 'url' as const, url: 'https://example.com/v.mp4' },
                    },
                  ],
                }
              : {}),
            ...(kind === 'poll' ? { poll: { options: ['a', 'b'], durationSeconds: 3600 } } : {}),
            ...(kind === 'thread' ? { thread: [{ text: 'two' }] } : {}),
            ...(kind === 'first-comment' ? { firstComment: { text: 'first' } } : {}),
          };
          const issues = await connector.validate(post, { credentials });
          expect(issues.map((issue) => issue.code)).toContain('content-not-supported');
        },
        timeout,
      );
    }
  });
}
