export type InteractionKind = 'comment' | 'mention' | 'direct-message';

export interface InteractionAuthorProps {
  readonly remoteId: string;
  readonly handle: string;
  readonly displayName: string | null;
  readonly url: string | null;
}

export interface InteractionProps {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly channelId: string;
  readonly network: string;
  /** The interaction's id on the network; unique within its channel. */
  readonly remoteId: string;
  readonly kind: InteractionKind;
  /** The network's key of the thread or direct-message conversation it belongs to. */
  readonly conversationKey: string;
  readonly inReplyToRemoteId: string | null;
  readonly author: InteractionAuthorProps;
  readonly text: string;
  readonly url: string | null;
  readonly writtenAt: Date;
  readonly receivedAt: Date;
}

/** A comment, mention or direct message that arrived on one of the workspace's channels. */
export class Interaction {
  private constructor(private readonly props: InteractionProps) {}

  static receive(input: Omit<InteractionProps, 'receivedAt'>, now: Date): Interaction {
    return new Interaction({ ...input, receivedAt: now });
  }

  static restore(props: InteractionProps): Interaction {
    return new Interaction(props);
  }

  snapshot(): InteractionProps {
    return this.props;
  }
}
