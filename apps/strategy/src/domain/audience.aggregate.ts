import { InvalidStrategyInputError } from './strategy.errors.js';

export type AudienceKind = 'persona' | 'segment';
export type BuyingStage = 'awareness' | 'consideration' | 'decision' | 'retention' | 'advocacy';
export type NetworkPresence = 'primary' | 'secondary';

/**
 * Who they are, in the terms ad platforms target by: age range, genders, places (ISO 3166 country, optional
 * region and city), languages (BCP 47), plus B2B fields. Every field is optional: null or [] means "any".
 */
export interface Demographics {
  readonly ageMin: number | null;
  readonly ageMax: number | null;
  readonly genders: readonly ('female' | 'male' | 'non-binary')[];
  readonly locations: readonly { country: string; region: string | null; city: string | null }[];
  readonly languages: readonly string[];
  readonly jobTitles: readonly string[];
  readonly industries: readonly string[];
}

export interface AudienceNetwork {
  /** Connector network id, e.g. 'instagram'. */
  readonly network: string;
  readonly presence: NetworkPresence;
}

/** What a persona or segment is like; sub-targets refine it for one product or service line. */
export interface TargetProfile {
  readonly demographics: Demographics;
  readonly interests: readonly string[];
  readonly pains: readonly string[];
  readonly objections: readonly string[];
  readonly networks: readonly AudienceNetwork[];
  readonly buyingStage: BuyingStage;
}

export interface SubTarget extends TargetProfile {
  /** Kebab-case, unique within the audience; what ads refer to (`<audienceId>/<key>`). */
  readonly key: string;
  readonly name: string;
  readonly productLine: string;
}

export interface AudienceContent extends TargetProfile {
  readonly kind: AudienceKind;
  readonly name: string;
  readonly description: string;
  /** 1 (minor) to 5 (most important): weighs the audience in the channel fit score. */
  readonly priority: number;
  readonly subTargets: readonly SubTarget[];
}

export interface AudienceProps extends AudienceContent {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly revision: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Whom the brand speaks to: a persona or a segment, with sub-targets per product or service line. */
export class Audience {
  private constructor(private props: AudienceProps) {}

  static create(
    input: AudienceContent & { id: string; tenantId: string; workspaceId: string },
    now: Date,
  ): Audience {
    checkAudience(input);
    return new Audience({ ...input, revision: 1, createdAt: now, updatedAt: now });
  }

  static restore(props: AudienceProps): Audience {
    return new Audience(props);
  }

  get id(): string {
    return this.props.id;
  }

  snapshot(): AudienceProps {
    return this.props;
  }

  replace(content: AudienceContent, now: Date): void {
    checkAudience(content);
    this.props = { ...this.props, ...content, revision: this.props.revision + 1, updatedAt: now };
  }
}

function checkAudience(audience: AudienceContent): void {
  checkProfile(audience, '');
  const keys = new Set<string>();
  audience.subTargets.forEach((sub, i) => {
    if (keys.has(sub.key)) {
      throw new InvalidStrategyInputError(
        `subTargets.${i}.key`,
        `'${sub.key}' is used by another sub-target`,
      );
    }
    keys.add(sub.key);
    checkProfile(sub, `subTargets.${i}.`);
  });
}

function checkProfile(profile: TargetProfile, at: string): void {
  const { ageMin, ageMax } = profile.demographics;
  if (ageMin !== null && ageMax !== null && ageMin > ageMax) {
    throw new InvalidStrategyInputError(`${at}demographics.ageMax`, `must not be below ageMin (${ageMin})`);
  }
  const networks = new Set<string>();
  profile.networks.forEach((n, i) => {
    if (networks.has(n.network)) {
      throw new InvalidStrategyInputError(`${at}networks.${i}.network`, `'${n.network}' is listed twice`);
    }
    networks.add(n.network);
  });
}
