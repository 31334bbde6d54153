import { defineConnector, normaliseText } from '@chorus/connector-sdk';
import { callApi } from './api-client.js';
import { __networkCamel__ConfigSchema } from './config.js';
import { __networkCamel__Manifest } from './manifest.js';

interface RemotePost {
  readonly id: string;
  readonly text: string;
  readonly url: string;
  readonly created_at: string;
}

interface Account {
  readonly id: string;
  readonly handle: string;
  readonly name: string | null;
}

export const __networkCamel__Connector = defineConnector({
  manifest: __networkCamel__Manifest,
  create(context) {
    const { baseUrl } = __networkCamel__ConfigSchema.parse(context.config);
    const me = async (token: string) =>
      (
        await callApi<Account>(context, baseUrl, {
          operation: 'auth.verify',
          endpoint: 'me',
          path: '/v1/me',
          token,
        })
      ).body;
    return {
      auth: {
        password: {
          // An app password opens a session; each login has its own token.
          async login({ identifier, password }) {
            const { body } = await callApi<{ token: string; account: Account }>(context, baseUrl, {
              operation: 'auth.login',
              endpoint: 'sessions',
              method: 'POST',
              path: '/v1/sessions',
              json: { identifier, password },
            });
            return { accountId: body.account.id, accessToken: body.token };
          },
        },
        async verify(credentials) {
          const account = await me(credentials.accessToken);
          return {
            accountId: account.id,
            handle: account.handle,
            displayName: account.name,
            url: `${baseUrl}/@${account.handle}`,
          };
        },
      },

      async publish(credentials, input) {
        const { body } = await callApi<RemotePost>(context, baseUrl, {
          operation: 'publish',
          endpoint: 'posts.create',
          method: 'POST',
          path: '/v1/posts',
          token: credentials.accessToken,
          json: { text: input.post.text },
          idempotencyKey: input.idempotencyKey,
        });
        return { remoteId: body.id, url: body.url, publishedAt: body.created_at };
      },

      async findPublished(credentials, input) {
        const query = new URLSearchParams({ since: input.window.from, until: input.window.to });
        const { body } = await callApi<{ data: RemotePost[] }>(context, baseUrl, {
          operation: 'findPublished',
          endpoint: 'posts.list',
          path: `/v1/posts?${query}`,
          token: credentials.accessToken,
        });
        const expected = normaliseText(input.post.text);
        const match = body.data.find((post) => normaliseText(post.text) === expected);
        return match
          ? { status: 'found', remoteId: match.id, url: match.url, publishedAt: match.created_at }
          : { status: 'not-found' };
      },

      async delete(credentials, input) {
        await callApi(context, baseUrl, {
          operation: 'delete',
          endpoint: 'posts.delete',
          method: 'DELETE',
          path: `/v1/posts/${encodeURIComponent(input.remoteId)}`,
          token: credentials.accessToken,
          accept: [404],
        });
      },
    };
  },
});
