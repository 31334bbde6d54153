import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { brandVoiceChangedV1, type BrandVoiceChangedV1, type EventEnvelope } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { KeepBrandVoiceCommand } from '../../application/commands/keep-brand-voice/keep-brand-voice.command.js';

/** BrandVoiceChanged v1 -> the voice rules drafts are checked against; an older identity version is ignored. */
@Injectable()
export class BrandVoiceChangedKafkaConsumer implements MessageHandler<BrandVoiceChangedV1> {
  readonly contract = brandVoiceChangedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<BrandVoiceChangedV1>): Promise<void> {
    if (event.workspaceId === null) {
      return; // a brand voice belongs to a workspace
    }
    const p = event.payload;
    await this.commands.execute(
      new KeepBrandVoiceCommand(event.tenantId, event.workspaceId, {
        identityVersion: p.identityVersion,
        wordsToAvoid: p.wordsToAvoid,
        requiredHashtags: p.requiredHashtags,
        maxHashtagsPerPost: p.hashtagPolicy.maxPerPost,
        hashtagPlacement: p.hashtagPolicy.placement,
        maxLengthGuidance: p.maxLengthGuidance,
      }),
    );
  }
}
