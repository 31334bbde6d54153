import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
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
  type RequestWithMember,
} from '@chorus/service-kit';
import { isScopedCredential } from '../../../interface/http/credential-owner.mapper.js';
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

/** Signed outbound webhooks (docs/notifications.md), per workspace or agency-wide (ADR 0018), and their log. */
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
    summary:
      "Add an endpoint that receives this workspace's notifications (or, scope agency, every workspace's: " +
      'needs an agency role) as signed POSTs; the signing secret is shown once',
  })
  @BodySchema(CreateWebhookBody)
  @ResponseSchema(201, CreatedWebhookResponse, 'Added')
  @BadRequestDoc()
  async create(
    @ValidBody(CreateWebhookBody) body: CreateWebhookBody,
    @CurrentIdentity() identity: Identity,
    @Req() request: RequestWithMember,
  ): Promise<z.infer<typeof CreatedWebhookResponse>> {
    try {
      const webhook = await this.commands.execute(
        new CreateNotificationWebhookCommand(
          identity.tenantId,
          identity.workspaceId,
          body.scope,
          identity.userId,
          body.url,
          body.kinds,
          body.description ?? null,
          isScopedCredential(request),
        ),
      );
      return { ...webhookResponse(webhook), secret: webhook.secret };
    } catch (error) {
      throw notificationHttpError(error);
    }
  }

  @Get()
  @RequirePermission('notification-webhook:manage')
  @ApiOperation({
    summary: "This workspace's webhook endpoints, and the agency-wide ones for an agency role (no secrets)",
  })
  @ResponseSchema(200, WebhookListResponse, 'The endpoints')
  async list(
    @CurrentIdentity() identity: Identity,
    @Req() request: RequestWithMember,
  ): Promise<z.infer<typeof WebhookListResponse>> {
    const webhooks = await this.queries.execute(
      new ListNotificationWebhooksQuery(
        identity.tenantId,
        identity.workspaceId,
        identity.userId,
        isScopedCredential(request),
      ),
    );
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
    @Req() request: RequestWithMember,
  ): Promise<void> {
    try {
      await this.commands.execute(
        new RemoveNotificationWebhookCommand(
          identity.tenantId,
          identity.workspaceId,
          webhookId,
          identity.userId,
          isScopedCredential(request),
        ),
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
    @Req() request: RequestWithMember,
  ): Promise<z.infer<typeof DeliveryListResponse>> {
    try {
      const deliveries = await this.queries.execute(
        new ListWebhookDeliveriesQuery(
          identity.tenantId,
          identity.workspaceId,
          identity.userId,
          webhookId,
          search.limit,
          isScopedCredential(request),
        ),
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
    scope: webhook.workspaceId === null ? 'agency' : 'workspace',
    createdAt: webhook.createdAt.toISOString(),
    createdBy: webhook.createdBy,
  };
}
