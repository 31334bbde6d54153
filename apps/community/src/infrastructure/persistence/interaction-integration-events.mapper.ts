import { createEnvelope, interactionReceivedV1, type EventEnvelope } from '@chorus/contracts';
import { currentCorrelationId } from '@chorus/service-kit';
import type { InteractionProps } from '../../domain/interaction.aggregate.js';

/** InteractionReceived v1: ids and facts only; the text and the author stay in this service. */
export function interactionReceivedEvent(
  interaction: InteractionProps,
  filedUnder: { readonly contactId: string; readonly conversationId: string },
): EventEnvelope {
  return createEnvelope(
    interactionReceivedV1,
    {
      tenantId: interaction.tenantId,
      workspaceId: interaction.workspaceId,
      correlationId: currentCorrelationId(),
      occurredAt: interaction.receivedAt,
    },
    {
      interactionId: interaction.id,
      conversationId: filedUnder.conversationId,
      channelId: interaction.channelId,
      network: interaction.network,
      kind: interaction.kind,
      remoteId: interaction.remoteId,
      contactId: filedUnder.contactId,
      postId: null,
      targetId: null,
      sentiment: 'unknown',
      writtenAt: interaction.writtenAt.toISOString(),
    },
  );
}
