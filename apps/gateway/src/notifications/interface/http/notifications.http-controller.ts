import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { identityInWorkspace, WORKSPACE_HEADER, type AuthenticatedMember } from '@chorus/access';
import {
  AuthenticatedEndpoint,
  BadRequestDoc,
  NotFoundDoc,
  QuerySchema,
  ResponseSchema,
  ValidParam,
  ValidQuery,
  type RequestWithMember,
} from '@chorus/service-kit';
import { MarkAllNotificationsReadCommand } from '../../application/commands/mark-all-notifications-read/mark-all-notifications-read.command.js';
import { MarkNotificationReadCommand } from '../../application/commands/mark-notification-read/mark-notification-read.command.js';
import { RaiseNotificationCommand } from '../../application/commands/raise-notification/raise-notification.command.js';
import { CountUnreadNotificationsQuery } from '../../application/queries/count-unread-notifications/count-unread-notifications.query.js';
import { ListNotificationsQuery } from '../../application/queries/list-notifications/list-notifications.query.js';
import type { Notification } from '../../domain/notification.entity.js';
import {
  ListNotificationsSearch,
  MarkedReadResponse,
  NotificationIdParam,
  NotificationListResponse,
  type NotificationResponse,
  TestNotificationResponse,
  UnreadCountResponse,
} from './dto/notification.dto.js';
import { notificationHttpError } from './notification-http.errors.js';

/** The signed-in member's own notifications, across the workspaces of their agency. */
@ApiTags('notifications')
@Controller('api/notifications')
export class NotificationsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @AuthenticatedEndpoint()
  @ApiOperation({ summary: 'Your notifications, newest first, with your unread count' })
  @QuerySchema(ListNotificationsSearch)
  @ResponseSchema(200, NotificationListResponse, 'A page of notifications')
  @BadRequestDoc()
  async list(
    @ValidQuery(ListNotificationsSearch) search: ListNotificationsSearch,
    @Req() request: RequestWithMember,
  ): Promise<z.infer<typeof NotificationListResponse>> {
    const member = memberOf(request);
    const items = await this.queries.execute(
      new ListNotificationsQuery({
        tenantId: member.tenantId,
        recipientId: member.userId,
        unreadOnly: search.unread === 'true',
        workspaceId: search.workspaceId,
        before: search.before,
        limit: search.limit,
      }),
    );
    const unreadCount = await this.queries.execute(
      new CountUnreadNotificationsQuery(member.tenantId, member.userId),
    );
    return {
      items: items.map(notificationResponse),
      unreadCount,
      nextBefore: items.length === search.limit ? (items.at(-1)?.id ?? null) : null,
    };
  }

  @Get('unread-count')
  @AuthenticatedEndpoint()
  @ApiOperation({ summary: 'How many of your notifications are unread (the badge)' })
  @ResponseSchema(200, UnreadCountResponse, 'The count')
  async unreadCount(@Req() request: RequestWithMember): Promise<z.infer<typeof UnreadCountResponse>> {
    const member = memberOf(request);
    return {
      unreadCount: await this.queries.execute(
        new CountUnreadNotificationsQuery(member.tenantId, member.userId),
      ),
    };
  }

  @Post('read-all')
  @HttpCode(200)
  @AuthenticatedEndpoint()
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ResponseSchema(200, MarkedReadResponse, 'How many were unread')
  async readAll(@Req() request: RequestWithMember): Promise<z.infer<typeof MarkedReadResponse>> {
    const member = memberOf(request);
    return {
      marked: await this.commands.execute(
        new MarkAllNotificationsReadCommand(member.tenantId, member.userId),
      ),
    };
  }

  @Post('test')
  @HttpCode(201)
  @AuthenticatedEndpoint()
  @ApiOperation({
    summary:
      'Send yourself a test notification through your channels (console, e-mail) and the webhooks that take it',
  })
  @ResponseSchema(201, TestNotificationResponse, 'Raised')
  async test(@Req() request: RequestWithMember): Promise<z.infer<typeof TestNotificationResponse>> {
    const member = memberOf(request);
    const header = request.headers[WORKSPACE_HEADER];
    const choice = identityInWorkspace(member, typeof header === 'string' ? header : undefined);
    const raised = await this.commands.execute(
      new RaiseNotificationCommand({
        tenantId: member.tenantId,
        workspaceId: choice.ok ? choice.identity.workspaceId : null,
        kind: 'test',
        title: 'Test notification',
        body: 'If you read this, Chorus can reach you here.',
        link: '/settings/notifications',
        object: null,
        recipients: { rule: 'members', memberIds: [member.userId] },
        source: 'gateway',
        eventId: null,
      }),
    );
    return {
      id: raised.notificationIds[0] ?? null,
      emails: raised.emails,
      webhooks: raised.webhooks,
    };
  }

  @Post(':notificationId/read')
  @HttpCode(204)
  @AuthenticatedEndpoint()
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @NotFoundDoc('notification')
  async read(
    @ValidParam('notificationId', NotificationIdParam) notificationId: string,
    @Req() request: RequestWithMember,
  ): Promise<void> {
    const member = memberOf(request);
    try {
      await this.commands.execute(
        new MarkNotificationReadCommand(member.tenantId, member.userId, notificationId),
      );
    } catch (error) {
      throw notificationHttpError(error);
    }
  }
}

export function memberOf(request: RequestWithMember): AuthenticatedMember {
  return request.member!; // set by the edge guard on every authenticated route
}

export function notificationResponse(n: Notification): z.infer<typeof NotificationResponse> {
  return {
    id: n.id,
    workspaceId: n.workspaceId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    object: n.object === null ? null : { ...n.object },
    source: n.source,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt === null ? null : n.readAt.toISOString(),
  };
}
