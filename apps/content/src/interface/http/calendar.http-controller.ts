import { Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  BodySchema,
  CurrentIdentity,
  QuerySchema,
  RequirePermission,
  ResponseSchema,
  ValidBody,
  ValidQuery,
} from '@chorus/service-kit';
import { SaveQueueCommand } from '../../application/commands/save-queue/save-queue.command.js';
import { GetCalendarQuery } from '../../application/queries/get-calendar/get-calendar.query.js';
import { ListQueuesQuery } from '../../application/queries/list-queues/list-queues.query.js';
import { CalendarDto, CalendarQueryDto, QueueDto, QueueListDto, toCalendarDto } from './dto/calendar.dto.js';

/** The editorial calendar in the viewer's time zone, and each channel's queue slots. */
@ApiTags('calendar')
@Controller()
export class CalendarHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('calendar')
  @RequirePermission('campaign:read')
  @ApiOperation({
    summary: 'Scheduled posts of a month, week (Monday to Sunday), day or 30-day list',
    description:
      "Periods are bounded by local midnights in the viewer's zone; each entry has its local time.",
  })
  @QuerySchema(CalendarQueryDto)
  @ResponseSchema(200, CalendarDto, 'The period and its posts')
  @BadRequestDoc()
  async calendar(
    @CurrentIdentity() identity: Identity,
    @ValidQuery(CalendarQueryDto) query: CalendarQueryDto,
  ): Promise<z.infer<typeof CalendarDto>> {
    const calendar = await this.queries.execute(
      new GetCalendarQuery(identity.tenantId, identity.workspaceId, query.view, query.date, query.timeZone),
    );
    return toCalendarDto(query, calendar);
  }

  @Get('queues')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: "The workspace's channel queues" })
  @ResponseSchema(200, QueueListDto, 'The queues')
  async listQueues(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof QueueListDto>> {
    const queues = await this.queries.execute(new ListQueuesQuery(identity.tenantId, identity.workspaceId));
    return { items: queues.map((q) => ({ ...q, slots: q.slots.map((s) => ({ ...s })) })) };
  }

  @Put('queues')
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: "Set a channel's queue slots",
    description: 'Weekday + local time in the given zone. "Add to queue" takes the next free one.',
  })
  @BodySchema(QueueDto)
  @ResponseSchema(200, QueueDto, 'The queue as stored')
  @BadRequestDoc()
  async saveQueue(
    @CurrentIdentity() identity: Identity,
    @ValidBody(QueueDto) body: QueueDto,
  ): Promise<QueueDto> {
    const queue = await this.commands.execute(
      new SaveQueueCommand(identity.tenantId, identity.workspaceId, body, identity.userId),
    );
    return { ...queue, slots: queue.slots.map((s) => ({ ...s })) };
  }
}
