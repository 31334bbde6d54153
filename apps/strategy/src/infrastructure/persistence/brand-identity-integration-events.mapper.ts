import { brandVoiceChangedV1, createEnvelope, type EventEnvelope } from '@chorus/contracts';
import { currentCorrelationId } from '@chorus/service-kit';
import { BrandVoiceChangedEvent } from '../../domain/events/brand-voice-changed.event.js';

/** BrandVoiceChanged v1 carries the voice rules whole: content replaces its copy on every event. */
export function brandIdentityIntegrationEvents(events: readonly object[]): EventEnvelope[] {
  return events.flatMap((event): EventEnvelope[] => {
    if (!(event instanceof BrandVoiceChangedEvent)) {
      return [];
    }
    const identity = event.identity;
    const voice = identity.voice;
    return [
      createEnvelope(
        brandVoiceChangedV1,
        {
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          correlationId: currentCorrelationId(),
          occurredAt: identity.createdAt,
        },
        {
          identityVersion: identity.version,
          toneAdjectives: [...voice.toneAdjectives],
          wordsToUse: [...voice.wordsToUse],
          wordsToAvoid: [...voice.wordsToAvoid],
          requiredHashtags: [...voice.hashtagPolicy.required],
          emojiPolicy: voice.emojiPolicy,
          hashtagPolicy: {
            maxPerPost: voice.hashtagPolicy.maxPerPost,
            placement: voice.hashtagPolicy.placement,
          },
          maxLengthGuidance: voice.maxLengthGuidance,
        },
      ),
    ];
  });
}
