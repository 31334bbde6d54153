import { secret, z } from '@chorus/connector-sdk';

/**
 * Scopes Chorus asks for (network-apis.md 6.2): sign-in, posting and commenting as the member and as pages,
 * reading page posts and comments, page notifications, statistics and webhook subscriptions.
 */
export const LINKEDIN_SCOPES = [
  'openid',
  'profile',
  'email',
  'w_member_social',
  'w_organization_social',
  'r_organization_social',
  'rw_organization_admin',
] as const;

export const linkedinConfigSchema = z.object({
  clientId: z.string().min(1).describe('Client ID of the LinkedIn app (Developer Portal > Auth)'),
  clientSecret: secret(
    z.string().min(1).describe('Client secret: token exchange, webhook challenges and X-LI-Signature'),
  ),
  linkedinVersion: z
    .string()
    .regex(/^\d{6}$/u, 'a monthly version YYYYMM, such as 202610')
    .default('202610')
    .describe('LinkedIn-Version header; each version is served about a year: bump it regularly'),
  apiUrl: z.url().default('https://api.linkedin.com').describe('Host of the REST API'),
  authUrl: z.url().default('https://www.linkedin.com').describe('Host of the OAuth 2 endpoints'),
  mediaPollIntervalMs: z
    .number()
    .int()
    .positive()
    .default(3000)
    .describe('How often an image or video is polled while LinkedIn processes it'),
  mediaTimeoutMs: z
    .number()
    .int()
    .positive()
    .default(600_000)
    .describe('How long processing may take before the publish fails'),
  refreshBeforeSeconds: z
    .number()
    .int()
    .positive()
    .default(7 * 86_400)
    .describe('Refresh an access token this long before it expires'),
  freshTokenRetryMs: z
    .number()
    .int()
    .nonnegative()
    .default(2000)
    .describe('Pause before retrying a brand-new token LinkedIn briefly calls revoked (65601)'),
  duplicateAdoptionSeconds: z
    .number()
    .int()
    .positive()
    .default(86_400)
    .describe(
      'A DUPLICATE_POST naming a post older than this is refused, never adopted as an earlier attempt',
    ),
  recentPostsLookup: z
    .number()
    .int()
    .positive()
    .max(100)
    .default(50)
    .describe('Recent posts findPublished reads to find a post after an ambiguous publish'),
});

export type LinkedinConfig = z.output<typeof linkedinConfigSchema>;

/** What the person enters before connecting: the page to post as; empty posts as the member. */
export const linkedinAuthParamsSchema = z.object({
  organizationId: z
    .string()
    .regex(/^\d+$/u, 'the numeric id of the page (linkedin.com/company/<id>/admin)')
    .optional()
    .describe('Organization page id; leave empty to post as yourself'),
});

export const linkedinPostSettingsSchema = z.object({
  visibility: z
    .enum(['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'])
    .default('PUBLIC')
    .describe('Who sees the post; CONNECTIONS only for member posts'),
  pollQuestion: z.string().min(1).max(140).optional().describe('The poll question (the post text otherwise)'),
  linkTitle: z
    .string()
    .min(1)
    .max(400)
    .optional()
    .describe('Title of the link card (LinkedIn does not scrape)'),
  linkDescription: z.string().max(4086).optional().describe('Description of the link card'),
});

export type LinkedinPostSettings = z.output<typeof linkedinPostSettingsSchema>;
