import type { FakeRouter, FakeRequest, FakeResponse } from '../fake-router.js';
import { json, mastodonError, notFound } from '../fake-router.js';
import type { AccountRecord, PollRecord, StatusRecord, Visibility } from '../fake-state.js';
import { mentionsIn, statusLength } from '../fake-text.js';
import {
  asArray,
  asBoolean,
  asString,
  currentAccount,
  isResponse,
  validationFailed,
  type RouteDeps,
} from '../route-deps.js';

const VISIBILITIES: readonly Visibility[] = ['public', 'unlisted', 'private', 'direct'];

export function registerStatusRoutes(router: FakeRouter, deps: RouteDeps): void {
  const { state } = deps;

  router.add('POST', '/api/v1/statuses', (request) => {
    const account = currentAccount(deps, request, 'write:statuses');
    if (isResponse(account)) {
      return account;
    }
    // The same key from the same account within the TTL answers the status it created, and creates nothing.
    const key = request.headers['idempotency-key'];
    const remembered = key ? state.idempotency.get(`${account.id}:${key}`) : undefined;
    if (remembered && remembered.expiresAt > state.now()) {
      const status = state.statuses.get(remembered.statusId);
      if (status) {
        return json(200, deps.render.status(status, account.id));
      }
    }
    const created = createStatus(deps, request, account);
    if (isResponse(created)) {
      return created;
    }
    if (key) {
      state.idempotency.set(`${account.id}:${key}`, {
        statusId: created.id,
        expiresAt: state.now() + state.config.idempotencyTtlSeconds * 1000,
      });
    }
    deps.published.push(created);
    return json(200, deps.render.status(created, account.id));
  });

  router.add('GET', '/api/v1/statuses/:id', (request) => {
    const status = state.liveStatus(request.pathParams.id!);
    const viewerId = request.token?.accountId ?? null;
    return status && state.canSee(status, viewerId)
      ? json(200, deps.render.status(status, viewerId))
      : notFound();
  });

  router.add('DELETE', '/api/v1/statuses/:id', (request) => {
    const account = currentAccount(deps, request, 'write:statuses');
    if (isResponse(account)) {
      return account;
    }
    const status = state.liveStatus(request.pathParams.id!);
    if (!status || status.accountId !== account.id) {
      return notFound();
    }
    status.deletedAt = state.now();
    return json(200, {
      ...deps.render.status(status, account.id),
      text: status.text,
      spoiler_text: status.spoilerText,
    });
  });

  router.add('GET', '/api/v1/statuses/:id/context', (request) => {
    const viewerId = request.token?.accountId ?? null;
    const status = state.liveStatus(request.pathParams.id!);
    if (!status || !state.canSee(status, viewerId)) {
      return notFound();
    }
    const ancestors: StatusRecord[] = [];
    for (let parent = status.inReplyToId ? state.liveStatus(status.inReplyToId) : undefined; parent;) {
      if (state.canSee(parent, viewerId)) {
        ancestors.unshift(parent);
      }
      parent = parent.inReplyToId ? state.liveStatus(parent.inReplyToId) : undefined;
    }
    const descendants: StatusRecord[] = [];
    const queue = [status.id];
    while (queue.length > 0) {
      const parentId = queue.shift()!;
      for (const reply of state.repliesTo(parentId)) {
        if (reply.deletedAt === null && state.canSee(reply, viewerId)) {
          descendants.push(reply);
          queue.push(reply.id);
        }
      }
    }
    return json(200, {
      ancestors: ancestors.map((item) => deps.render.status(item, viewerId)),
      descendants: descendants.map((item) => deps.render.status(item, viewerId)),
    });
  });

  const interaction =
    (scope: string, apply: (status: StatusRecord, account: AccountRecord) => void) =>
    (request: FakeRequest) => {
      const account = currentAccount(deps, request, scope);
      if (isResponse(account)) {
        return account;
      }
      const status = state.liveStatus(request.pathParams.id!);
      if (!status || !state.canSee(status, account.id)) {
        return notFound();
      }
      apply(status, account);
      return json(200, deps.render.status(status, account.id));
    };
  router.add(
    'POST',
    '/api/v1/statuses/:id/favourite',
    interaction('write:favourites', (status, account) => {
      if (status.favouritedBy.has(account.id)) {
        return;
      }
      status.favouritedBy.add(account.id);
      if (status.accountId !== account.id) {
        state.notify('favourite', status.accountId, account.id, status.id);
      }
    }),
  );
  router.add(
    'POST',
    '/api/v1/statuses/:id/unfavourite',
    interaction('write:favourites', (status, account) => {
      status.favouritedBy.delete(account.id);
    }),
  );
  router.add(
    'POST',
    '/api/v1/statuses/:id/reblog',
    interaction('write:statuses', (status, account) => {
      if (status.rebloggedBy.has(account.id)) {
        return;
      }
      status.rebloggedBy.add(account.id);
      if (status.accountId !== account.id) {
        state.notify('reblog', status.accountId, account.id, status.id);
      }
    }),
  );
  router.add(
    'POST',
    '/api/v1/statuses/:id/unreblog',
    interaction('write:statuses', (status, account) => {
      status.rebloggedBy.delete(account.id);
    }),
  );
}

function createStatus(
  deps: RouteDeps,
  request: FakeRequest,
  account: AccountRecord,
): StatusRecord | FakeResponse {
  const { state } = deps;
  const { config } = state;
  const params = request.params;
  const text = typeof params.status === 'string' ? params.status : '';
  const spoilerText = typeof params.spoiler_text === 'string' ? params.spoiler_text : '';
  const visibility = (typeof params.visibility === 'string' ? params.visibility : 'public') as Visibility;
  if (!VISIBILITIES.includes(visibility)) {
    return validationFailed('Visibility is not included in the list');
  }
  const mediaIds = asArray(params.media_ids);
  if (mediaIds.length > config.maxMediaAttachments) {
    return mastodonError(422, `Cannot attach more than ${config.maxMediaAttachments} files`);
  }
  const media = mediaIds.map((id) => state.media.get(id));
  if (media.some((item) => !item || item.accountId !== account.id || item.statusId !== null)) {
    return validationFailed('Media attachments are invalid or already attached to another status');
  }
  if (media.some((item) => item!.pendingPolls > 0)) {
    return mastodonError(
      422,
      'Cannot attach files that have not finished processing. Try again in a moment!',
    );
  }
  const pollParams = params.poll as Record<string, unknown> | undefined;
  if (pollParams && mediaIds.length > 0) {
    return validationFailed('Poll cannot be attached to a status with media attachments');
  }
  if (text.trim() === '' && mediaIds.length === 0) {
    return validationFailed("Text can't be blank");
  }
  if (statusLength(text, spoilerText, config.charactersReservedPerUrl) > config.maxCharacters) {
    return validationFailed(`Text character limit of ${config.maxCharacters} exceeded`);
  }
  let poll: PollRecord | null = null;
  if (pollParams) {
    const options = asArray(pollParams.options);
    const expiresIn = Number(pollParams.expires_in);
    if (options.length < 2) {
      return validationFailed('Poll options must have at least 2 items');
    }
    if (options.length > config.pollMaxOptions) {
      return validationFailed('Poll options contains too many items');
    }
    if (options.some((option) => [...option].length > config.pollMaxCharactersPerOption)) {
      return validationFailed('Poll options contains items that are too long');
    }
    if (!(expiresIn >= config.pollMinExpiration)) {
      return validationFailed('Poll expiration must be at least 5 minutes in the future');
    }
    if (expiresIn > config.pollMaxExpiration) {
      return validationFailed('Poll expiration is too far in the future');
    }
    poll = {
      id: state.nextId(),
      options,
      multiple: asBoolean(pollParams.multiple),
      hideTotals: asBoolean(pollParams.hide_totals),
      expiresAt: state.now() + expiresIn * 1000,
    };
  }
  let inReplyTo: StatusRecord | undefined;
  if (params.in_reply_to_id !== undefined && params.in_reply_to_id !== null && params.in_reply_to_id !== '') {
    inReplyTo = state.liveStatus(asString(params.in_reply_to_id));
    if (!inReplyTo || !state.canSee(inReplyTo, account.id)) {
      return notFound();
    }
  }
  const mentions = mentionsIn(text)
    .filter((mention) => mention.domain === null || mention.domain === config.domain)
    .map((mention) => state.accountByUsername(mention.username)?.id)
    .filter((id): id is string => id !== undefined);
  const app = request.token?.appId ? state.apps.get(request.token.appId) : undefined;
  return state.addStatus({
    accountId: account.id,
    text,
    spoilerText,
    visibility,
    sensitive: asBoolean(params.sensitive) || spoilerText !== '',
    language: typeof params.language === 'string' ? params.language : null,
    inReplyToId: inReplyTo?.id ?? null,
    inReplyToAccountId: inReplyTo?.accountId ?? null,
    mediaIds,
    poll,
    mentions: [...new Set(mentions)],
    reblogOf: null,
    idempotencyKey: request.headers['idempotency-key'] ?? null,
    applicationName: app?.name ?? null,
  });
}
