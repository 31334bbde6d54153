import { Controller, Get, Put, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  AuthenticatedEndpoint,
  BadRequestDoc,
  BodySchema,
  ResponseSchema,
  ValidBody,
  type RequestWithMember,
} from '@chorus/service-kit';
import { SetNotificationPreferencesCommand } from '../../application/commands/set-notification-preferences/set-notification-preferences.command.js';
import { GetNotificationPreferencesQuery } from '../../application/queries/get-notification-preferences/get-notification-preferences.query.js';
import { PreferencesResponse, SetPreferencesBody } from './dto/notification.dto.js';
import { memberOf } from './notifications.http-controller.js';

/** Which channels each kind of notification reaches you on. */
@ApiTags('notifications')
@Controller('api/notifications/preferences')
export class NotificationPreferencesHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @AuthenticatedEndpoint()
  @ApiOperation({ summary: 'Your channels per kind (defaults until you change them)' })
  @ResponseSchema(200, PreferencesResponse, 'Every known kind and every kind you chose for')
  get(@Req() request: RequestWithMember): Promise<z.infer<typeof PreferencesResponse>> {
    return this.current(request);
  }

  @Put()
  @AuthenticatedEndpoint()
  @ApiOperation({ summary: 'Choose the channels of some kinds; the kinds not named keep theirs' })
  @BodySchema(SetPreferencesBody)
  @ResponseSchema(200, PreferencesResponse, 'Your preferences after the change')
  @BadRequestDoc()
  async set(
    @ValidBody(SetPreferencesBody) body: SetPreferencesBody,
    @Req() request: RequestWithMember,
  ): Promise<z.infer<typeof PreferencesResponse>> {
    const member = memberOf(request);
    await this.commands.execute(
      new SetNotificationPreferencesCommand(
        member.tenantId,
        body.items.map((item) => ({ ...item, memberId: member.userId })),
      ),
    );
    return this.current(request);
  }

  private async current(request: RequestWithMember): Promise<z.infer<typeof PreferencesResponse>> {
    const member = memberOf(request);
    const items = await this.queries.execute(
      new GetNotificationPreferencesQuery(member.tenantId, member.userId),
    );
    return { items: items.map((item) => ({ ...item })) };
  }
}
