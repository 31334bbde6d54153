/** A channel a member can choose per kind. Webhooks are the agency's, chosen per endpoint, not per member. */
export interface ChannelChoice {
  readonly inApp: boolean;
  readonly email: boolean;
}

interface KnownKind {
  readonly kind: string;
  readonly description: string;
  readonly defaults: ChannelChoice;
}

/**
 * The kinds the gateway raises itself, with their defaults. A publishing failure or a post needing review needs
 * a person soon, so it is on in the console and by e-mail; other kinds (raised by services through
 * NotificationRequested) start in the console only, until the member asks for e-mail too.
 */
export const KNOWN_KINDS: readonly KnownKind[] = [
  {
    kind: 'post-failed',
    description: 'A post did not go out on a channel and will not be retried without you',
    defaults: { inApp: true, email: true },
  },
  {
    kind: 'post-needs-review',
    description: 'Chorus cannot tell whether a post went out: check the network before anything retries',
    defaults: { inApp: true, email: true },
  },
  {
    kind: 'test',
    description: 'A test notification you sent yourself, to check your channels',
    defaults: { inApp: true, email: true },
  },
];

const OTHER_KINDS: ChannelChoice = { inApp: true, email: false };

export function defaultChannelsOf(kind: string): ChannelChoice {
  return KNOWN_KINDS.find((k) => k.kind === kind)?.defaults ?? OTHER_KINDS;
}
