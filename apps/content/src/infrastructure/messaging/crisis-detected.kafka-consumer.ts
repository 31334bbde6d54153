import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { crisisDetectedV1, type CrisisDetectedV1, type EventEnvelope } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { PausePublishingCommand } from '../../application/commands/pause-publishing/pause-publishing.command.js';
import { GetPublishingSettingsQuery } from '../../application/queries/get-publishing-settings/get-publishing-settings.query.js';

/**
 * CrisisDetected v1 asking to pause -> the workspace's scheduled posts are held until someone resumes; when the
 * crisis ends (CrisisResolved), they are published or rescheduled as the workspace's settings say.
 */
@Injectable()
export class CrisisDetectedKafkaConsumer implements MessageHandler<CrisisDetectedV1> {
  readonly contract = crisisDetectedV1;

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async handle(event: EventEnvelope<CrisisDetectedV1>): Promise<void> {
    const { payload } = event;
    if (!payload.pausePublishing || event.workspaceId === null) {
      return;
    }
    const { crisisOnResume } = await this.queries.execute(
      new GetPublishingSettingsQuery(event.tenantId, event.workspaceId),
    );
    await this.commands.execute(
      new PausePublishingCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        reason:
          payload.declaredById === null
            ? `A ${payload.severity} crisis was detected: scheduled posts are held until someone resumes publishing`
            : `A ${payload.severity} crisis was declared: scheduled posts are held until someone resumes publishing`,
        crisisId: payload.crisisId,
        pausedBy: payload.declaredById,
        onResume: crisisOnResume,
      }),
    );
  }
}
