import { describe, expect } from 'vitest';
import type { ConnectorManifest, MetricName } from '@chorus/connector-sdk';
import type { HarnessHolder } from '../harness.js';
import { unique } from '../harness.js';
import { itWhenDeclared, required } from '../declared.js';
import { publishPost } from './publish.contract.js';

// What a like, a reply and a repost by one other user must each add, in the normalised vocabulary.
const REACTIONS: readonly MetricName[] = ['likes', 'comments', 'shares'];

export function insightsContract(manifest: ConnectorManifest, holder: HarnessHolder, timeout: number): void {
  const insights = manifest.capabilities.insights;
  const postMetrics = (insights?.post ?? []).filter((metric) => REACTIONS.includes(metric));
  describe('insights', () => {
    itWhenDeclared(
      postMetrics.length > 0,
      `post metrics (${postMetrics.join(', ') || 'likes, comments, shares'}) grow by one after another user likes, replies and reposts`,
      'insights.post has no likes, comments or shares',
      async () => {
        const harness = holder.get();
        const peer = required(harness.setup.peer, 'setup.peer');
        const post = await publishPost(harness, { text: unique('Measure me') });
        const read = async () =>
          (await harness.connector.insights!.post!(harness.credentials, { remoteIds: [post.remoteId] }))[0];
        const before = required(await read(), 'metrics of the post just published');
        // Each reaction is needed only for the metric it moves.
        if (postMetrics.includes('likes')) {
          await required(peer.like, 'setup.peer.like').call(peer, post.remoteId);
        }
        if (postMetrics.includes('comments')) {
          await required(peer.reply, 'setup.peer.reply').call(peer, post.remoteId, unique('Nice'));
        }
        if (postMetrics.includes('shares')) {
          await required(peer.repost, 'setup.peer.repost').call(peer, post.remoteId);
        }
        let after = await read();
        for (
          let attempt = 0;
          attempt < 20 && postMetrics.some((metric) => after?.metrics[metric] === before.metrics[metric]);
          attempt += 1
        ) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          after = await read();
        }
        for (const metric of postMetrics) {
          expect(after?.metrics[metric], metric).toBe((before.metrics[metric] ?? 0) + 1);
        }
      },
      timeout,
    );

    itWhenDeclared(
      insights?.account.includes('followers') ?? false,
      'the followers count grows when another user follows',
      'insights.account has no followers',
      async () => {
        const harness = holder.get();
        const peer = required(harness.setup.peer, 'setup.peer');
        const follow = required(peer.follow, 'setup.peer.follow');
        const before = await harness.connector.insights!.account!(harness.credentials);
        await follow.call(peer);
        const after = await harness.connector.insights!.account!(harness.credentials);
        expect(after.metrics.followers).toBe((before.metrics.followers ?? 0) + 1);
      },
      timeout,
    );
  });
}
