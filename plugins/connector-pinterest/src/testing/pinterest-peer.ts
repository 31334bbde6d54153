import type { NetworkPeer, ViewedPost } from '@chorus/connector-testkit';
import type { PinterestFake } from './fake/pinterest-fake.js';
import type { UserRecord } from './fake/pinterest-fake-state.js';

export const PEER_SCOPES = ['pins:read', 'boards:read', 'user_accounts:read'];

/**
 * Another Pinterest user. Looking at a pin goes through the fake's API with the peer's own token; reacting,
 * commenting and following have no public API (network-apis.md 9.3), so they act on the fake's state, as
 * Pinterest's own apps would.
 */
export class PinterestPeer implements NetworkPeer {
  constructor(
    private readonly fake: PinterestFake,
    private readonly user: UserRecord,
    private readonly account: UserRecord,
    private readonly token: string,
  ) {}

  private counters(remoteId: string) {
    const pin = this.fake.state.pins.get(remoteId);
    if (!pin || pin.deleted) {
      throw new Error(`peer: pin ${remoteId} does not exist`);
    }
    return pin.counters;
  }

  like(remoteId: string) {
    this.counters(remoteId).reactions += 1;
    return Promise.resolve();
  }

  reply(remoteId: string, _text: string) {
    this.counters(remoteId).comments += 1;
    return Promise.resolve({ remoteId: this.fake.state.nextId() });
  }

  /** Saving someone's pin to one's own board: Pinterest's "share". */
  save(remoteId: string) {
    this.counters(remoteId).saves += 1;
    return Promise.resolve();
  }

  follow() {
    this.account.followers.add(this.user.id);
    return Promise.resolve();
  }

  async view(remoteId: string): Promise<ViewedPost | null> {
    const response = await fetch(`${this.fake.url}/v5/pins/${remoteId}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (response.status === 404) {
      return null;
    }
    const pin = (await response.json()) as {
      description?: string | null;
      title?: string | null;
      link?: string | null;
      alt_text?: string | null;
      media?: { media_type?: string };
    };
    if (!response.ok) {
      throw new Error(`peer GET /v5/pins/${remoteId}: HTTP ${response.status} ${JSON.stringify(pin)}`);
    }
    const kind = pin.media?.media_type === 'video' ? 'video' : 'image';
    return {
      text: [pin.title, pin.description].filter(Boolean).join('\n'),
      link: pin.link ?? null,
      media: [{ kind, altText: pin.alt_text ?? null }],
      inReplyTo: null,
      likes: this.fake.state.pins.get(remoteId)?.counters.reactions ?? 0,
    };
  }
}
