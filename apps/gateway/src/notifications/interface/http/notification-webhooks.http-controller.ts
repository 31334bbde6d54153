import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  BodySchema,
  CurrentIdentity,
  NotFoundDoc,
  QuerySchema,
  RequirePermission,
  ResponseSchema,
  ValidBody,
  ValidParam,
  ValidQuery,
} from '@chorus/service-kit';
import { CreateNotificationWebhookCommand } from '../../application/commands/create-notification-webhook/create-notification-webhook.command.js';
import { RemoveNotificationWebhookCommand } from '../../application/commands/remove-notification-webhook/remove-notification-webhook.command.js';
import type { NotificationWebhook } from '../../application/ports/notification-webhook.port.js';
import { ListNotificationWebhooksQuery } from '../../application/queries/list-notification-webhooks/list-notification-webhooks.query.js';
import { ListWebhookDeliveriesQuery } from '../../application/queries/list-webhook-deliveries/list-webhook-deliveries.query.js';
import {
  CreatedWebhookResponse,
  CreateWebhookBody,
  DeliveriesSearch,
  DeliveryListResponse,
  WebhookIdParam,
  WebhookListResponse,
  type WebhookResponse,
} from './dto/notification-webhook.dto.js';
import { notificationHttpError } from './notification-http.errors.js';

/** The agency's signed outbound webhooks (docs/notifications.md): endpoints and their delivery log. */
@ApiTags('notifications')
@Controller('api/notification-webhooks')
export class NotificationWebhooksHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('notification-webhook:manage')
  @ApiOperation({
    summary: 'Add an endpoint that receives notifications as signed POSTs; the signing secret is shown once',
  })
  @BodySchema(CreateWebhookBody)
  @ResponseSchema(201, CreatedWebhookResponse, 'Added')
  @BadRequestDoc()
  async create(
    @ValidBody(CreateWebhookBody) body: CreateWebhookBody,
    @CurrentIdentity() identity: Identity,
  ): Promise<z.infer<typeof CreatedWebhookResponse>> {
    try {
      const webhook = await this.commands.execute(
        new CreateNotificationWebhookCommand(
          identity.tenantId,
          identity.userId,
          body.url,
          body.kinds,
          body.description ?? null,
        ),
      );
      return { ...webhookResponse(webhook), secret: webhook.secret };
    } catch (error) {
      throw notificationHttpError(error);
    }
  }

  @Get()
  @RequirePermission('notification-webhook:manage')
  @ApiOperation({ summary: "The agency's webhook endpoints (without their secrets)" })
  @ResponseSchema(200, WebhookListResponse, 'The endpoints')
  async list(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof WebhookListResponse>> {
    const webhooks = await this.queries.execute(new ListNotificationWebhooksQuery(identity.tenantId));
    return { items: webhooks.map(webhookResponse) };
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @RequirePermission('notification-webhook:manage')
  @ApiOperation({ summary: 'Remove an endpoint; nothing more is posted to it' })
  @NotFoundDoc('webhook')
  async remove(
    @ValidParam('webhookId', WebhookIdParam) webhookId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<void> {
    try {
      await this.commands.execute(
        new RemoveNotificationWebhookCommand(identity.tenantId, webhookId, identity.userId),
      );
    } catch (error) {
      throw notificationHttpError(error);
    }
  }

  @Get(':webhookId/deliveries')
  @RequirePermission('notification-webhook:manage')
  @ApiOperation({ summary: "An endpoint's delivery log: every attempt, its answer and the next retry" })
  @QuerySchema(DeliveriesSearch)
  @ResponseSchema(200, DeliveryListResponse, 'Newest first')
  @BadRequestDoc()
  @NotFoundDoc('webhook')
  async deliveries(
    @ValidParam('webhookId', WebhookIdParam) webhookId: string,
    @ValidQuery(DeliveriesSearch) search: DeliveriesSearch,
    @CurrentIdentity() identity: Identity,
  ): Promise<z.infer<typeof DeliveryListResponse>> {
    try {
      const deliveries = await this.queries.execute(
        new ListWebhookDeliveriesQuery(identity.tenantId, webhookId, search.limit),
      );
      const iso = (d: Date | null) => (d === null ? null : d.toISOString());
      return {
        items: deliveries.map((d) => ({
          id: d.id,
          kind: d.kind,
          status: d.status,
          attempts: d.attempts,
          nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
          deliveredAt: iso(d.deliveredAt),
          createdAt: d.createdAt.toISOString(),
          log: d.log.map((entry) => ({ ...entry })),
        })),
      };
    } catch (error) {
      throw notificationHttpError(error);
    }
  }
}

function webhookResponse(webhook: NotificationWebhook): z.infer<typeof WebhookResponse> {
  return {
    id: webhook.id,
    url: webhook.url,
    kinds: [...webhook.kinds],
    description: webhook.description,
    createdAt: webhook.createdAt.toISOString(),
    createdBy: webhook.createdBy,
  };
}
