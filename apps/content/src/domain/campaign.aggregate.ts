export interface CampaignProps {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly description: string | null;
  readonly createdAt: Date;
  readonly createdBy: string;
}

/** A campaign groups posts under one push (a launch, a season). */
export class Campaign {
  private constructor(private readonly props: CampaignProps) {}

  static create(input: Omit<CampaignProps, 'createdAt'>, now: Date): Campaign {
    return new Campaign({ ...input, createdAt: now });
  }

  static restore(props: CampaignProps): Campaign {
    return new Campaign(props);
  }

  get id(): string {
    return this.props.id;
  }

  snapshot(): CampaignProps {
    return this.props;
  }
}
