export interface SavedReplyProps {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: Date;
  readonly createdBy: string;
}

/** A saved reply is a ready answer the team inserts into inbox replies. */
export class SavedReply {
  private constructor(private readonly props: SavedReplyProps) {}

  static create(input: Omit<SavedReplyProps, 'createdAt'>, now: Date): SavedReply {
    return new SavedReply({ ...input, createdAt: now });
  }

  static restore(props: SavedReplyProps): SavedReply {
    return new SavedReply(props);
  }

  get id(): string {
    return this.props.id;
  }

  snapshot(): SavedReplyProps {
    return this.props;
  }
}
