import { secret, z } from '@chorus/connector-sdk';

/**
 * OAuth scopes Chorus asks for (network-apis.md 9.1): list and choose boards (`boards:read`), create boards
 * (`boards:write`), create, read and delete pins (`pins:read`, `pins:write`), and read the profile and its
 * analytics (`user_accounts:read`). Pinterest has no comment, reply or moderation scope (9.3).
 */
export const PINTEREST_SCOPES = [
  'boards:read',
  'boards:write',
  'pins:read',
  'pins:write',
  'user_accounts:read',
] as const;

const numericId = (what: string) =>
  z.string().regex(/^\d+$/u, `${what} must be Pinterest's numeric id (GET /v5/boards lists them)`);

export const pinterestConfigSchema = z.object({
  clientId: z.string().min(1).describe('App ID (developers.pinterest.com > My apps > your app)'),
  clientSecret: secret(z.string().min(1).describe('App secret key: token calls authenticate with it')),
  continuousRefresh: z
    .boolean()
    .default(false)
    .describe(
      'Send continuous_refresh=true when refreshing: needed by apps created before 25 Sep 2025, whose refresh tokens are otherwise not renewed',
    ),
  defaultBoardId: numericId('defaultBoardId')
    .optional()
    .describe('Board a pin goes to when the post does not choose one'),
  apiUrl: z.url().default('https://api.pinterest.com').describe('API host (/v5/...)'),
  authorizeUrl: z
    .url()
    .default('https://www.pinterest.com')
    .describe('Host of the authorization page (/oauth/)'),
  mediaPollMs: z
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(2000)
    .describe('Pause between two checks of a video still being processed'),
  mediaTimeoutSeconds: z
    .number()
    .int()
    .positive()
    .default(900)
    .describe('How long a video may stay in processing before the publish gives up'),
});

export type PinterestConfig = z.output<typeof pinterestConfigSchema>;

export const pinterestPostSettingsSchema = z.object({
  boardId: numericId('boardId')
    .optional()
    .describe('Board to pin to; empty: the configured default board, or the only board of the account'),
  boardSectionId: numericId('boardSectionId').optional().describe('Section of that board'),
  title: z.string().max(100).optional().describe('Pin title (at most 100 characters)'),
  coverKeyFrameSeconds: z
    .number()
    .min(0)
    .optional()
    .describe('Video pins: the second of the video shown as its cover, when no cover image is attached'),
});

export type PinterestPostSettings = z.output<typeof pinterestPostSettingsSchema>;
