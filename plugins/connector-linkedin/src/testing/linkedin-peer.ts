import type { NetworkPeer, ViewedPost } from '@chorus/connector-testkit';
import type { LinkedinFake } from './fake/linkedin-fake.js';
import type { MemberRecord, OrganizationRecord } from './fake/fake-state.js';
import { renderLittleText } from './fake/restli.js';

const VERSION = '202610';
const escape = (text: string) => text.replace(/[\\|{}@[\]()<>#*_~]/gu, (char) => `\\${char}`);

/** Another LinkedIn member, acting through the fake's REST API with a token of their own. */
export class LinkedinPeer implements NetworkPeer {
  constructor(
    private readonly fake: LinkedinFake,
    readonly member: MemberRecord,
    private readonly page: OrganizationRecord,
    private readonly token: string,
  ) {}

  async reply(remoteId: string, text: string): Promise<{ remoteId: string }> {
    const post = remoteId.startsWith('urn:li:comment:')
      ? /^urn:li:comment:\(([^,]+),/u.exec(remoteId)![1]!
      : remoteId;
    const response = await this.request('POST', `/rest/socialActions/${encodeURIComponent(post)}/comments`, {
      actor: this.member.urn,
      object: post,
      message: { text },
      ...(post === remoteId ? {} : { parentComment: remoteId }),
    });
    const body = (await response.json()) as { commentUrn: string };
    return { remoteId: body.commentUrn };
  }

  async mention(text: string): Promise<{ remoteId: string }> {
    const response = await this.request('POST', '/rest/posts', {
      author: this.member.urn,
      commentary: `@[${escape(this.page.name)}](${this.page.urn}) ${escape(text)}`,
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
    });
    return { remoteId: response.headers.get('x-restli-id')! };
  }

  async like(remoteId: string): Promise<void> {
    await this.request('POST', `/rest/reactions?actor=${encodeURIComponent(this.member.urn)}`, {
      root: remoteId,
      reactionType: 'LIKE',
    });
  }

  async repost(remoteId: string): Promise<void> {
    await this.request('POST', '/rest/posts', {
      author: this.member.urn,
      commentary: '',
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      reshareContext: { parent: remoteId },
    });
  }

  /** LinkedIn has no API to follow a page: the member follows it on the site. */
  follow(): Promise<void> {
    this.fake.follow(this.page, this.member);
    return Promise.resolve();
  }

  async view(remoteId: string): Promise<ViewedPost | null> {
    const comment = /^urn:li:comment:\(([^,]+),([^)]+)\)$/u.exec(remoteId);
    if (comment) {
      const listed = await this.request(
        'GET',
        `/rest/socialActions/${encodeURIComponent(comment[1]!)}/comments?count=100`,
        undefined,
        [404],
      );
      if (listed.status === 404) {
        return null;
      }
      const { elements } = (await listed.json()) as {
        elements: { commentUrn: string; object: string; parentComment?: string; message: { text: string } }[];
      };
      const found = elements.find((item) => item.commentUrn === remoteId);
      if (!found) {
        return null;
      }
      const summary = await this.request('GET', `/rest/socialActions/${encodeURIComponent(remoteId)}`);
      const likes = ((await summary.json()) as { likesSummary: { totalLikes: number } }).likesSummary
        .totalLikes;
      return { text: found.message.text, media: [], inReplyTo: found.parentComment ?? found.object, likes };
    }
    const response = await this.request(
      'GET',
      `/rest/posts/${encodeURIComponent(remoteId)}`,
      undefined,
      [404],
    );
    if (response.status === 404) {
      return null;
    }
    const post = (await response.json()) as {
      commentary: string;
      content?: {
        media?: { id: string; altText?: string };
        multiImage?: { images: { id: string; altText?: string }[] };
        article?: { source: string };
        poll?: { options: { text: string }[] };
      };
    };
    const media = post.content?.media ? [post.content.media] : (post.content?.multiImage?.images ?? []);
    return {
      text: renderLittleText(post.commentary).text,
      media: media.map((item) => ({
        kind: item.id.startsWith('urn:li:video:') ? 'video' : 'image',
        altText: item.altText ?? null,
      })),
      inReplyTo: null,
      link: post.content?.article?.source ?? null,
      poll: post.content?.poll ? { options: post.content.poll.options.map((option) => option.text) } : null,
    };
  }

  private async request(
    method: string,
    path: string,
    body?: unknown,
    accept: number[] = [],
  ): Promise<Response> {
    const response = await fetch(new URL(path, this.fake.url), {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        'linkedin-version': VERSION,
        'x-restli-protocol-version': '2.0.0',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok && !accept.includes(response.status)) {
      throw new Error(
        `the peer's ${method} ${path} failed: HTTP ${response.status} ${await response.text()}`,
      );
    }
    return response;
  }
}
