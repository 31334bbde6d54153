import { checkedVoiceRules, type BrandVoice } from './brand-voice.value-object.js';
import { deepEqual } from './deep-equal.value-object.js';
import { BrandVoiceChangedEvent } from './events/brand-voice-changed.event.js';
import { InvalidStrategyInputError } from './strategy.errors.js';

export interface BrandIdentityContent {
  /** How the brand is called in documents and the console. */
  readonly brandName: string;
  readonly mission: string;
  readonly valueProposition: string;
  readonly differentiators: readonly string[];
  readonly voice: BrandVoice;
}

export interface BrandIdentityProps extends BrandIdentityContent {
  readonly tenantId: string;
  readonly workspaceId: string;
  /** 1 for the first save, +1 on every save; older versions stay readable. */
  readonly version: number;
  readonly createdAt: Date;
  readonly createdBy: string;
}

/**
 * Who the brand is. Versioned: every save is a new, immutable version. A save that changes the voice rules
 * the content service checks (or the first one) records BrandVoiceChanged.
 */
export class BrandIdentity {
  private pending: BrandVoiceChangedEvent[] = [];

  private constructor(private readonly props: BrandIdentityProps) {}

  static saveVersion(
    previous: BrandIdentityProps | null,
    input: BrandIdentityContent & { tenantId: string; workspaceId: string; createdBy: string },
    now: Date,
  ): BrandIdentity {
    checkVoice(input.voice);
    const identity = new BrandIdentity({
      ...input,
      version: (previous?.version ?? 0) + 1,
      createdAt: now,
    });
    const voiceChanged =
      previous === null || !deepEqual(checkedVoiceRules(previous.voice), checkedVoiceRules(input.voice));
    if (voiceChanged) {
      identity.pending.push(new BrandVoiceChangedEvent(identity.props));
    }
    return identity;
  }

  static restore(props: BrandIdentityProps): BrandIdentity {
    return new BrandIdentity(props);
  }

  snapshot(): BrandIdentityProps {
    return this.props;
  }

  pendingEvents(): readonly BrandVoiceChangedEvent[] {
    return this.pending;
  }

  clearPendingEvents(): void {
    this.pending = [];
  }
}

function checkVoice(voice: BrandVoice): void {
  const use = new Set(voice.wordsToUse.map((w) => w.toLocaleLowerCase()));
  const clash = voice.wordsToAvoid.find((w) => use.has(w.toLocaleLowerCase()));
  if (clash !== undefined) {
    throw new InvalidStrategyInputError(
      'voice.wordsToAvoid',
      `'${clash}' is also in wordsToUse; keep it in one list`,
    );
  }
  const { maxPerPost, required } = voice.hashtagPolicy;
  if (maxPerPost !== null && required.length > maxPerPost) {
    throw new InvalidStrategyInputError(
      'voice.hashtagPolicy.maxPerPost',
      `is ${maxPerPost} but ${required.length} hashtags are required on every post`,
    );
  }
  const seen = new Set<string>();
  for (const tag of required) {
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) {
      throw new InvalidStrategyInputError('voice.hashtagPolicy.required', `'#${tag}' is listed twice`);
    }
    seen.add(key);
  }
}
