export interface AdAccountProps {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly network: string;
  readonly externalId: string;
  readonly name: string;
  readonly currency: string;
  readonly createdAt: Date;
  readonly createdBy: string;
}

/** An ad account on an ads platform, mirrored in Chorus; its spend is in its currency. */
export class AdAccount {
  private constructor(private readonly props: AdAccountProps) {}

  static create(input: Omit<AdAccountProps, 'createdAt'>, now: Date): AdAccount {
    return new AdAccount({ ...input, createdAt: now });
  }

  static restore(props: AdAccountProps): AdAccount {
    return new AdAccount(props);
  }

  get id(): string {
    return this.props.id;
  }

  snapshot(): AdAccountProps {
    return this.props;
  }
}
