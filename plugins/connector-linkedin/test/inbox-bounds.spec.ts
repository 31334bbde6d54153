import { afterEach, describe, expect, it } from 'vitest';
import { connectedLinkedin, type ConnectedLinkedin } from './support/connected-linkedin.js';

// Issue #6: an inbox pull reads a bounded number of pages, yet loses nothing of a busy window.
let current: ConnectedLinkedin | undefined;
afterEach(async () => {
  await current?.setup.teardown?.();
  current = undefined;
});

describe('LinkedIn inbox paging', () => {
  it('reads at most 20 pages of one window, halves a busier one, and still reaches every notification', async () => {
    const linkedin = (current = await connectedLinkedin());
    const { setup, connector, credentials } = linkedin;
    const { state } = setup.fake;
    const now = setup.fake.now();
    // 1,100 mentions from posts since deleted (read as gone), spread over the last day, then a live one.
    for (let index = 0; index < 1100; index += 1) {
      state.notifications.push({
        notificationId: state.notifications.length + 1,
        organizationalEntity: setup.page.urn,
        action: 'SHARE_MENTION',
        sourcePost: 'urn:li:share:1',
        generatedActivity: `urn:li:share:9${index}`,
        lastModifiedAt: now - 86_400_000 + index * 60_000,
      });
    }
    linkedin.advance(1000);
    const live = await setup.peer.mention('still here');

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pull = 0; pull < 40 && !seen.includes(live.remoteId); pull += 1) {
      const before = setup.fake.requests.length;
      const page = await connector.inbox!.pull!(credentials, { cursor });
      const windows = new Map<string, number>();
      for (const request of setup.fake.requests.slice(before)) {
        if (request.path === '/rest/organizationalEntityNotifications') {
          const range = /timeRange=([^&]+)/u.exec(request.rawUrl)![1]!;
          windows.set(range, (windows.get(range) ?? 0) + 1);
        }
      }
      expect(Math.max(...windows.values())).toBeLessThanOrEqual(20);
      seen.push(...page.interactions.map((item) => item.remoteId));
      cursor = page.cursor;
    }
    expect(seen).toEqual([live.remoteId]);
  }, 30_000);
});
