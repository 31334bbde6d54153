import type {
  Connector,
  Credentials,
  InboxCapability,
  InsightsCapability,
  WebhookCapability,
} from '@chorus/connector-sdk';
import type { CallMetrics } from './call-metrics.js';
import type { Invoke } from './invoke.js';

/** A connector as the host hands it out: the same interface, every call limited, timed, classified, logged, counted. */
export interface HostedConnector extends Connector {
  readonly id: string;
}

export function hostConnector(
  id: string,
  connector: Connector,
  invoke: Invoke,
  metrics: CallMetrics,
): HostedConnector {
  const account = (credentials: Credentials | undefined) => credentials?.accountId ?? null;
  const { auth } = connector;
  return {
    id,
    manifest: connector.manifest,
    auth: {
      oauth2: auth.oauth2 && {
        start: (request) => invoke('auth.start', null, () => auth.oauth2!.start(request)),
        exchange: (request) => invoke('auth.exchange', null, () => auth.oauth2!.exchange(request)),
      },
      password: auth.password && {
        login: (request) => invoke('auth.login', null, () => auth.password!.login(request)),
      },
      refresh:
        auth.refresh &&
        ((credentials) => invoke('auth.refresh', account(credentials), () => auth.refresh!(credentials))),
      revoke:
        auth.revoke &&
        ((credentials) => invoke('auth.revoke', account(credentials), () => auth.revoke!(credentials))),
      verify: (credentials) => invoke('auth.verify', account(credentials), () => auth.verify(credentials)),
    },
    limits: (credentials) => invoke('limits', account(credentials), () => connector.limits(credentials)),
    validate: (post, options) =>
      invoke('validate', account(options?.credentials), () => connector.validate(post, options)),
    publish:
      connector.publish &&
      ((credentials, input) =>
        invoke('publish', account(credentials), () => connector.publish!(credentials, input))),
    findPublished:
      connector.findPublished &&
      ((credentials, input) =>
        invoke('findPublished', account(credentials), () => connector.findPublished!(credentials, input))),
    delete:
      connector.delete &&
      ((credentials, input) =>
        invoke('delete', account(credentials), () => connector.delete!(credentials, input))),
    inbox: connector.inbox && hostInbox(id, connector.inbox, invoke, metrics),
    insights: connector.insights && hostInsights(connector.insights, invoke),
    close: () => connector.close(),
  };
}

function hostInbox(
  id: string,
  inbox: InboxCapability,
  invoke: Invoke,
  metrics: CallMetrics,
): InboxCapability {
  return {
    pull:
      inbox.pull &&
      ((credentials, request) =>
        invoke('inbox.pull', credentials.accountId, () => inbox.pull!(credentials, request))),
    webhook: inbox.webhook && hostWebhook(id, inbox.webhook, metrics, invoke),
    reply:
      inbox.reply &&
      ((credentials, input) =>
        invoke('inbox.reply', credentials.accountId, () => inbox.reply!(credentials, input))),
    hide:
      inbox.hide &&
      ((credentials, input) =>
        invoke('inbox.hide', credentials.accountId, () => inbox.hide!(credentials, input))),
    like:
      inbox.like &&
      ((credentials, input) =>
        invoke('inbox.like', credentials.accountId, () => inbox.like!(credentials, input))),
    delete:
      inbox.delete &&
      ((credentials, input) =>
        invoke('inbox.delete', credentials.accountId, () => inbox.delete!(credentials, input))),
  };
}

// Webhook checks are synchronous and must never throw at the edge: a failure to verify is a refusal.
function hostWebhook(
  id: string,
  webhook: WebhookCapability,
  metrics: CallMetrics,
  invoke: Invoke,
): WebhookCapability {
  return {
    complete:
      webhook.complete &&
      ((credentials, interaction) =>
        invoke('inbox.pull', credentials.accountId, () => webhook.complete!(credentials, interaction))),
    verify(request) {
      const genuine = verifySafely(webhook, request);
      metrics.add('connector_webhooks_total', { connector: id, outcome: genuine ? 'verified' : 'refused' });
      return genuine;
    },
    parse(request) {
      try {
        const interactions = webhook.parse(request);
        metrics.add('connector_webhooks_total', { connector: id, outcome: 'parsed' });
        return interactions;
      } catch (error) {
        metrics.add('connector_webhooks_total', { connector: id, outcome: 'unreadable' });
        throw error;
      }
    },
    challenge:
      webhook.challenge &&
      ((request) => {
        const answer = webhook.challenge!(request);
        const outcome = answer === null ? 'challenge-refused' : 'challenge-answered';
        metrics.add('connector_webhooks_total', { connector: id, outcome });
        return answer;
      }),
  };
}

function verifySafely(
  webhook: WebhookCapability,
  request: Parameters<WebhookCapability['verify']>[0],
): boolean {
  try {
    return webhook.verify(request);
  } catch {
    return false;
  }
}

function hostInsights(insights: InsightsCapability, invoke: Invoke): InsightsCapability {
  return {
    post:
      insights.post &&
      ((credentials, input) =>
        invoke('insights.post', credentials.accountId, () => insights.post!(credentials, input))),
    account:
      insights.account &&
      ((credentials) =>
        invoke('insights.account', credentials.accountId, () => insights.account!(credentials))),
  };
}
