import { secret, z } from '@chorus/connector-sdk';

/** Threads permissions Chorus asks for (network-apis.md 4.1). */
export const THREADS_SCOPES = [
  'threads_basic',
  'threads_content_publish',
  'threads_read_replies',
  'threads_manage_replies',
  'threads_manage_insights',
  'threads_manage_mentions',
  'threads_delete',
] as const;

export const threadsConfigSchema = z.object({
  appId: z.string().min(1).describe('Threads app id (App Dashboard > Threads use case)'),
  appSecret: secret(z.string().min(1).describe('Threads app secret: token exchange and webhook signatures')),
  webhookVerifyToken: secret(
    z.string().min(1).describe('hub.verify_token entered in the App Dashboard'),
  ).optional(),
  graphUrl: z.url().default('https://graph.threads.net').describe('Threads Graph host'),
  authorizeUrl: z.url().default('https://threads.net').describe('Host of the authorization dialog'),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/u)
    .default('v1.0'),
  containerPollIntervalMs: z
    .number()
    .int()
    .positive()
    .default(10_000)
    .describe('How often a container is polled'),
  containerTimeoutMs: z
    .number()
    .int()
    .positive()
    .default(300_000)
    .describe('How long a container may process'),
  inboxPostCount: z
    .number()
    .int()
    .positive()
    .max(100)
    .default(25)
    .describe('Recent posts whose replies the inbox reads'),
});

export type ThreadsConfig = z.output<typeof threadsConfigSchema>;

export const threadsPostSettingsSchema = z.object({
  replyControl: z
    .enum(['everyone', 'accounts_you_follow', 'mentioned_only', 'parent_post_author_only', 'followers_only'])
    .default('everyone')
    .describe('Who may reply'),
  topicTag: z
    .string()
    .min(1)
    .max(50)
    .regex(/^[^.&]+$/u, 'no "." or "&"')
    .optional()
    .describe('One topic tag'),
});

export type ThreadsPostSettings = z.output<typeof threadsPostSettingsSchema>;
