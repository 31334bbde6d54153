import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { crisisResolvedV1, type CrisisResolvedV1, type EventEnvelope } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { ResumePublishingCommand } from '../../application/commands/resume-publishing/resume-publishing.command.js';

/** CrisisResolved v1 with resumePublishing -> the pause that crisis started ends, as the workspace chose. */
@Injectable()
export class CrisisResolvedKafkaConsumer implements MessageHandler<CrisisResolvedV1> {
  readonly contract = crisisResolvedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<CrisisResolvedV1>): Promise<void> {
    if (!event.payload.resumePublishing || event.workspaceId === null) {
      return;
    }
    await this.commands.execute(
      new ResumePublishingCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        onResume: null,
        crisisId: event.payload.crisisId,
      }),
    );
  }
}
