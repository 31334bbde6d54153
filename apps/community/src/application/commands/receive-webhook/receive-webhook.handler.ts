import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isConnectorError, type Interaction as ConnectorInteraction } from '@chorus/connector-sdk';
import { uuidv7 } from '@chorus/contracts';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { WebhookIntakeMetrics } from '../../../community.metrics.js';
import {
  CHANNEL_DIRECTORY,
  INBOX_CREDENTIALS,
  INTERACTION_REPOSITORY,
  WEBHOOK_CONNECTORS,
} from '../../../community.tokens.js';
import type { InboxChannel } from '../../../domain/inbox-channel.entity.js';
import { Interaction } from '../../../domain/interaction.aggregate.js';
import {
  MalformedWebhookError,
  WebhookCompletionDeferredError,
  WebhookConnectorNotFoundError,
  WebhookSignatureRefusedError,
} from '../../../domain/webhook.errors.js';
import type { ChannelDirectory } from '../../ports/channel-directory.port.js';
import type { InboxCredentials } from '../../ports/inbox-credentials.port.js';
import type { InteractionRepository } from '../../ports/interaction-repository.port.js';
import type { WebhookConnector, WebhookConnectors } from '../../ports/webhook-connectors.port.js';
import { ReceiveWebhookCommand, type ReceiveWebhookResult } from './receive-webhook.command.js';

/**
 * Verify first, on the exact bytes, and stop there when the signature fails: nothing is parsed, stored or
 * emitted for a delivery nobody proved genuine. Then each interaction goes to the channels of the account it
 * is addressed to, once (a redelivery stores nothing new).
 */
@CommandHandler(ReceiveWebhookCommand)
export class ReceiveWebhookHandler implements ICommandHandler<ReceiveWebhookCommand> {
  constructor(
    @Optional() @Inject(WEBHOOK_CONNECTORS) private readonly connectors: WebhookConnectors | undefined,
    @Inject(CHANNEL_DIRECTORY) private readonly directory: ChannelDirectory,
    @Inject(INTERACTION_REPOSITORY) private readonly interactions: InteractionRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
    private readonly metrics: WebhookIntakeMetrics,
    @Optional() @Inject(INBOX_CREDENTIALS) private readonly credentials: InboxCredentials | undefined,
  ) {}

  async execute(command: ReceiveWebhookCommand): Promise<ReceiveWebhookResult> {
    const { connectorId, request } = command;
    const connector = this.connectors?.find(connectorId);
    if (connector === undefined) {
      this.metrics.count(connectorId, 'unknown-connector');
      throw new WebhookConnectorNotFoundError(
        `No connector "${connectorId}" taking webhooks is loaded here; check the URL registered on the network`,
      );
    }
    if (!connector.webhook.verify(request)) {
      this.metrics.count(connectorId, 'refused-signature');
      this.logger.write('warn', 'webhook refused: bad or missing signature', {
        connector: connectorId,
        bytes: request.rawBody.length,
      });
      throw new WebhookSignatureRefusedError(connectorId);
    }
    const parsed = this.parse(connectorId, connector, command);
    let stored = 0;
    let duplicates = 0;
    let unroutable = 0;
    for (const delivered of parsed) {
      const channels = await this.channelsOf(connector, delivered);
      if (channels.length === 0) {
        // Accepted all the same: the network cannot fix it by retrying (the account is not connected here, or
        // is connected on another installation sharing the same webhook), and an error would make it retry
        // for days or disable the webhook. Logged and counted so that a misrouted webhook shows.
        unroutable += 1;
        this.metrics.count(connectorId, 'unknown-account');
        this.logger.write('warn', 'webhook interaction for no connected channel: not stored', {
          connector: connectorId,
          network: connector.network,
          account: delivered.channelAccountId ?? null,
        });
        continue;
      }
      const item = await this.completed(connectorId, connector, channels[0]!, delivered);
      for (const channel of channels) {
        const added = await this.interactions.addIfNew(this.interactionFor(channel, connector, item));
        this.metrics.count(connectorId, added ? 'stored' : 'duplicate');
        if (added) {
          stored += 1;
        } else {
          duplicates += 1;
        }
      }
    }
    this.logger.write('info', 'webhook received', {
      connector: connectorId,
      received: parsed.length,
      stored,
      duplicates,
      unroutable,
    });
    return { received: parsed.length, stored, duplicates, unroutable };
  }

  /**
   * Deliveries that carry ids only (Instagram mentions) are read in full with the first channel's credentials.
   * No transaction is open here. A failure that may pass refuses the delivery (the network sends it again); one
   * that will not (the channel must reconnect, the object is gone) stores the interaction as delivered.
   */
  private async completed(
    connectorId: string,
    connector: WebhookConnector,
    channel: InboxChannel,
    item: ConnectorInteraction,
  ): Promise<ConnectorInteraction> {
    const webhook = connector.webhook;
    if (webhook.complete === undefined) {
      return item;
    }
    const context = { connector: connectorId, channelId: channel.channelId, remoteId: item.remoteId };
    if (this.credentials === undefined) {
      this.metrics.count(connectorId, 'incomplete');
      this.logger.write(
        'warn',
        'webhook interaction stored as delivered: no credentials source here',
        context,
      );
      return item;
    }
    try {
      const credentials = await this.credentials.credentialsFor(channel.tenantId, channel.channelId);
      return await webhook.complete(credentials, item);
    } catch (error) {
      const permanent =
        isConnectorError(error) && (error.kind === 'reauth-required' || error.kind === 'invalid-content');
      const reason = (error as Error).message;
      if (permanent || (error as Error).name === 'ChannelMustReconnectError') {
        this.metrics.count(connectorId, 'incomplete');
        this.logger.write('warn', 'webhook interaction stored as delivered: it could not be read in full', {
          ...context,
          reason,
        });
        return item;
      }
      this.metrics.count(connectorId, 'completion-deferred');
      throw new WebhookCompletionDeferredError(
        `The ${connectorId} connector could not read an interaction of this delivery in full (${reason}); ` +
          'refused so that the network sends it again.',
      );
    }
  }

  private parse(
    connectorId: string,
    connector: WebhookConnector,
    command: ReceiveWebhookCommand,
  ): ConnectorInteraction[] {
    try {
      return connector.webhook.parse(command.request);
    } catch (error) {
      this.metrics.count(connectorId, 'malformed');
      throw new MalformedWebhookError(
        `The ${connectorId} connector could not read this delivery: ${(error as Error).message}`,
      );
    }
  }

  private async channelsOf(connector: WebhookConnector, item: ConnectorInteraction): Promise<InboxChannel[]> {
    if (item.channelAccountId === undefined) {
      return [];
    }
    return this.directory.findConnected(connector.network, item.channelAccountId);
  }

  private interactionFor(
    channel: InboxChannel,
    connector: WebhookConnector,
    item: ConnectorInteraction,
  ): Interaction {
    const now = new Date();
    const written = new Date(item.createdAt);
    return Interaction.receive(
      {
        id: uuidv7(),
        tenantId: channel.tenantId,
        workspaceId: channel.workspaceId,
        channelId: channel.channelId,
        network: connector.network,
        remoteId: item.remoteId,
        kind: item.kind,
        conversationKey: item.conversationId,
        inReplyToRemoteId: item.inReplyToRemoteId,
        author: { ...item.author },
        text: item.text,
        url: item.url,
        // A network's clock we cannot read is no reason to lose the interaction.
        writtenAt: Number.isNaN(written.getTime()) ? now : written,
      },
      now,
    );
  }
}
