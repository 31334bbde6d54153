import { z } from 'zod';
import type { AudienceProps } from '../../../domain/audience.aggregate.js';
import { KeyDto, LongText, NetworkDto, ShortText } from './common.dto.js';

const Tags = z.array(z.string().trim().min(1).max(200)).max(50).default([]);

/** Shaped for ad targeting: ages, genders, ISO 3166 countries, BCP 47 languages (docs in apps/strategy/README.md). */
export const DemographicsDto = z
  .strictObject({
    ageMin: z.int().min(13).max(100).nullable().default(null),
    ageMax: z.int().min(13).max(100).nullable().default(null),
    genders: z
      .array(z.enum(['female', 'male', 'non-binary']))
      .max(3)
      .default([]),
    locations: z
      .array(
        z.strictObject({
          country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as IT'),
          region: z.string().trim().min(1).max(100).nullable().default(null),
          city: z.string().trim().min(1).max(100).nullable().default(null),
        }),
      )
      .max(50)
      .default([]),
    languages: z
      .array(
        z
          .string()
          .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, "must be a BCP 47 language tag such as 'it' or 'en-GB'"),
      )
      .max(20)
      .default([]),
    jobTitles: Tags,
    industries: Tags,
  })
  .default({
    ageMin: null,
    ageMax: null,
    genders: [],
    locations: [],
    languages: [],
    jobTitles: [],
    industries: [],
  });

const BuyingStageDto = z.enum(['awareness', 'consideration', 'decision', 'retention', 'advocacy']);

const ProfileFields = {
  demographics: DemographicsDto,
  interests: Tags,
  pains: Tags,
  objections: Tags,
  networks: z
    .array(z.strictObject({ network: NetworkDto, presence: z.enum(['primary', 'secondary']) }))
    .max(30)
    .default([])
    .describe('Where they are: primary (most of their time) or secondary'),
  buyingStage: BuyingStageDto,
};

export const SubTargetDto = z.strictObject({
  key: KeyDto,
  name: ShortText,
  productLine: ShortText.describe('The product or service line this sub-target is for'),
  ...ProfileFields,
});

export const AudienceBody = z.strictObject({
  kind: z.enum(['persona', 'segment']),
  name: ShortText,
  description: LongText.default(''),
  priority: z
    .int()
    .min(1)
    .max(5)
    .default(3)
    .describe('1 (minor) to 5 (most important); weighs the channel fit'),
  ...ProfileFields,
  subTargets: z.array(SubTargetDto).max(50).default([]),
});

export type AudienceBody = z.infer<typeof AudienceBody>;

export const AudienceDto = AudienceBody.extend({
  id: z.uuid(),
  workspaceId: z.uuid(),
  revision: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type AudienceDto = z.infer<typeof AudienceDto>;

export const AudienceListDto = z.object({ items: z.array(AudienceDto) });

export function toAudienceDto(p: AudienceProps): AudienceDto {
  const { tenantId: _tenant, createdAt, updatedAt, ...rest } = p;
  return JSON.parse(
    JSON.stringify({ ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() }),
  ) as AudienceDto;
}
