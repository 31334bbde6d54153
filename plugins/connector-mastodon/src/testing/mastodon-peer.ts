import type { NetworkPeer, ViewedPost } from '@chorus/connector-testkit';

interface PeerStatus {
  id: string;
  content: string;
  in_reply_to_id: string | null;
  favourites_count: number;
  media_attachments: { type: string; description: string | null }[];
  poll: { options: { title: string }[] } | null;
}

/** Another user of the fake server, using its HTTP API the way any Mastodon app does. */
export class MastodonPeer implements NetworkPeer {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly target: { readonly id: string; readonly username: string },
  ) {}

  async reply(remoteId: string, text: string) {
    // Mastodon apps put the author's handle first: that is what notifies them.
    return this.post({ status: `@${this.target.username} ${text}`, in_reply_to_id: remoteId });
  }

  async mention(text: string) {
    return this.post({ status: `@${this.target.username} ${text}` });
  }

  async directMessage(text: string) {
    return this.post({ status: `@${this.target.username} ${text}`, visibility: 'direct' });
  }

  async like(remoteId: string): Promise<void> {
    await this.call('POST', `/api/v1/statuses/${remoteId}/favourite`);
  }

  async repost(remoteId: string): Promise<void> {
    await this.call('POST', `/api/v1/statuses/${remoteId}/reblog`);
  }

  async follow(): Promise<void> {
    await this.call('POST', `/api/v1/accounts/${this.target.id}/follow`);
  }

  async view(remoteId: string): Promise<ViewedPost | null> {
    const response = await fetch(`${this.baseUrl}/api/v1/statuses/${remoteId}`, { headers: this.headers() });
    if (response.status === 404) {
      return null;
    }
    if (!response.ok) {
      throw new Error(`peer could not read status ${remoteId}: HTTP ${response.status}`);
    }
    const status = (await response.json()) as PeerStatus;
    return {
      text: plain(status.content),
      media: status.media_attachments.map((media) => ({ kind: media.type, altText: media.description })),
      inReplyTo: status.in_reply_to_id,
      poll: status.poll ? { options: status.poll.options.map((option) => option.title) } : null,
      likes: status.favourites_count,
    };
  }

  private async post(body: Record<string, unknown>): Promise<{ remoteId: string }> {
    const status = (await this.call('POST', '/api/v1/statuses', body)) as { id: string };
    return { remoteId: status.id };
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...this.headers(), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) {
      throw new Error(`peer ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    }
    return response.json();
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }
}

function plain(html: string): string {
  return html
    .replace(/<br \/>/gu, '\n')
    .replace(/<\/p><p>/gu, '\n\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&');
}
