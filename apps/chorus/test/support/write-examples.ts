import { randomUUID } from 'node:crypto';

// A valid body for every documented write, so that a refused call proves the permission check and not the
// validation: an allowed role must get past validation (2xx, or 404 / 409 from the handler), never a 400.

/** A request body that is not JSON (an upload). */
export class RawBody {
  constructor(
    readonly contentType: string,
    readonly data: Buffer,
  ) {}
}

/** The smallest valid PNG (1 x 1 pixel), for uploads. */
export const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export interface WriteExample {
  readonly body: () => unknown;
  /** Answers the handler may give a permitted caller in this run, besides 2xx, 404 and 409, with the reason. */
  readonly alsoAccept?: readonly number[];
  readonly because?: string;
}

const month = () => new Date().toISOString().slice(0, 7);
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

export const identityExample = (brandName: string) => ({
  brandName,
  mission: 'Good coffee for every desk',
  valueProposition: 'Roasted this week, delivered next day',
  voice: {
    toneAdjectives: ['warm', 'direct'],
    emojiPolicy: 'sparingly',
    hashtagPolicy: { maxPerPost: 3 },
  },
});

export const audienceExample = (name: string) => ({
  kind: 'persona',
  name,
  buyingStage: 'awareness',
});

export const goalExample = (title: string) => ({
  title,
  metric: 'reach',
  baseline: { unit: 'count', value: 100 },
  target: { unit: 'count', value: 1000 },
  deadline: inDays(30),
});

/** By operation name ('METHOD /public/path/{param}'); `mark` tags what the run creates, for the leak checks. */
export function writeExamples(mark: string): Record<string, WriteExample> {
  return {
    'POST /api/ads/ad-accounts': {
      body: () => ({ network: 'meta', externalId: `acc-${randomUUID()}`, name: mark, currency: 'EUR' }),
    },
    'POST /api/community/saved-replies': { body: () => ({ title: mark, body: mark }) },
    'POST /api/content/campaigns': { body: () => ({ name: mark, description: mark }) },
    'POST /api/content/posts': { body: () => ({ text: mark, tags: [mark] }) },
    'PUT /api/content/posts/{postId}': { body: () => ({ revision: 1, text: mark }) },
    'POST /api/content/posts/{postId}/schedule': {
      body: () => ({ publishAt: inDays(2), timeZone: 'Europe/Rome' }),
    },
    'PUT /api/content/queues': {
      body: () => ({
        channelId: randomUUID(),
        timeZone: 'Europe/Rome',
        slots: [{ weekday: 1, time: '09:00' }],
      }),
      alsoAccept: [400],
      because:
        'content knows channels from ChannelConnected events and this run has no bus: any channel id is unknown ' +
        'to it (the 400 names channelId, after the permission check)',
    },
    'PUT /api/content/approval-workflow': { body: () => ({ steps: [] }) },
    'POST /api/content/posts/{postId}/approval/decisions': {
      body: () => ({ decision: 'approved', step: 1, version: 1, comment: mark }),
    },
    'PUT /api/content/approval-contacts': { body: () => ({ items: [] }) },
    'POST /api/content/posts/{postId}/approval/links': {
      body: () => ({ contactEmail: 'client@example.test' }),
    },
    'POST /api/content/posts/{postId}/comments': { body: () => ({ body: mark }) },
    'POST /api/content/posts/{postId}/asset-requests': {
      body: () => ({ kind: 'image', brief: mark, dueOn: inDays(3).slice(0, 10), assigneeId: randomUUID() }),
    },
    'POST /api/content/asset-requests/{requestId}/status': {
      body: () => ({ status: 'in-progress', revision: 1 }),
    },
    'PUT /api/content/utm-scheme': {
      body: () => ({
        enabled: true,
        source: '{network}',
        medium: 'social',
        campaign: '{campaign}',
        content: '{post}',
      }),
    },
    'POST /api/content/posts/{postId}/targets/{targetId}/review': {
      body: () => ({ outcome: 'not-published' }),
    },
    'PUT /api/content/publishing/pause': { body: () => ({ reason: mark }) },
    'POST /api/content/publishing/resume': { body: () => ({}) },
    'PUT /api/content/publishing/settings': { body: () => ({ crisisOnResume: 'publish' }) },
    'POST /api/content/media': { body: () => new RawBody('image/png', ONE_PIXEL_PNG) },
    'PATCH /api/content/media/{mediaId}': { body: () => ({ altText: mark }) },
    'POST /api/content/series': {
      body: () => ({
        text: mark,
        targets: [{ channelId: randomUUID() }],
        rule: 'FREQ=WEEKLY;BYDAY=MO',
        startDate: '2030-01-07',
        time: '09:00',
        timeZone: 'Europe/Rome',
      }),
      alsoAccept: [400],
      because:
        'content knows channels from ChannelConnected events and this run has no bus: any channel id is unknown ' +
        '(400 on targets.0.channelId, after the permission check)',
    },
    'PUT /api/content/series/{seriesId}': {
      body: () => ({
        revision: 1,
        text: mark,
        targets: [],
        rule: 'FREQ=WEEKLY;BYDAY=MO',
        startDate: '2030-01-07',
        time: '09:00',
        timeZone: 'Europe/Rome',
      }),
      alsoAccept: [400],
      because: 'a series needs a channel, and this run has none content knows: 400 on targets',
    },
    'POST /api/content/series/{seriesId}/end': { body: () => ({ revision: 1 }) },
    'PUT /api/content/posts/{postId}/evergreen': { body: () => ({ minGapDays: 7, maxTimes: 3 }) },
    'POST /api/content/calendar/import': {
      body: () => ({
        csv: 'channel,date,time,timeZone,text\n' + `${randomUUID()},2030-01-07,09:00,Europe/Rome,${mark}\n`,
        mode: 'valid-rows-only',
        dryRun: true,
      }),
    },
    'POST /api/auth/two-factor/set-up': {
      body: () => ({ password: 'not the caller password' }),
      alsoAccept: [400, 429],
      because:
        "the caller's password is not known here: a wrong password after authentication (429 once the account's tries are spent)",
    },
    'POST /api/auth/two-factor/confirm': {
      body: () => ({ code: '123456' }),
      alsoAccept: [400],
      because: 'no two-factor set-up is pending for the caller: a wrong code, after authentication',
    },
    'POST /api/auth/two-factor/disable': {
      body: () => ({ password: 'not the caller password', code: '123456' }),
      alsoAccept: [400, 429],
      because:
        'a wrong password and two-factor not on for the caller, after authentication (429 once the tries are spent)',
    },
    'POST /api/auth/api-tokens': { body: () => ({ name: mark }) },
    'POST /api/members': {
      body: () => ({ email: `invitee-${randomUUID()}@example.test`, name: mark, roles: ['analyst'] }),
    },
    'PUT /api/members/{memberId}/roles': { body: () => ({ roles: ['analyst'] }) },
    'POST /api/workspaces': { body: () => ({ name: mark }) },
    'POST /api/channels/oauth/start': {
      body: () => ({ network: 'mastodon', params: { instanceUrl: 'https://mastodon.example' } }),
      alsoAccept: [400],
      because: 'this run loads no connector plugin: the 400 names network, after the permission check',
    },
    'POST /api/channels/app-password': {
      body: () => ({ network: 'bluesky', identifier: 'brand.example', password: 'abcd-efgh-ijkl-mnop' }),
      alsoAccept: [400],
      because: 'this run loads no connector plugin: the 400 names network, after the permission check',
    },
    'PUT /api/notifications/preferences': {
      body: () => ({ items: [{ kind: 'post-failed', inApp: true, email: false }] }),
    },
    'POST /api/notification-webhooks': {
      body: () => ({ url: 'https://hooks.example.test/chorus', kinds: ['post-failed'], description: mark }),
    },
    'POST /api/strategy/goals': { body: () => goalExample(mark) },
    'PATCH /api/strategy/goals/{goalId}': { body: () => ({ title: mark }) },
    'POST /api/strategy/goals/{goalId}/retire': { body: () => ({ reason: 'abandoned' }) },
    'PUT /api/strategy/brand-identity': { body: () => identityExample(mark) },
    'POST /api/strategy/audiences': { body: () => audienceExample(mark) },
    'PUT /api/strategy/audiences/{audienceId}': { body: () => audienceExample(mark) },
    'PUT /api/strategy/diagnosis/problems/{problem}': {
      body: () => ({
        evidence: { followers: 800, monthlyReach: 3000, brandedSearches: 40, shareOfVoice: null },
      }),
    },
    'PUT /api/strategy/diagnosis-playbook/problems/{problem}': {
      body: () => ({
        thresholds: {
          followers: { warning: 500, critical: 100 },
          monthlyReach: { warning: 2000, critical: 1000 },
          brandedSearches: { warning: 30, critical: 10 },
          shareOfVoice: { warning: 10, critical: 5 },
        },
        recommendations: {
          goals: [
            { title: 'Win local press coverage', metric: 'share-of-voice', kpis: ['reach'] },
            { title: 'Grow video views', metric: 'video-views', kpis: ['impressions'] },
          ],
        },
      }),
    },
    'PUT /api/strategy/channel-plan': {
      body: () => ({
        teamHoursPerWeek: 20,
        channels: [{ network: 'instagram', postsPerWeek: 4 }],
        pillars: [
          { key: 'brewing-tips', name: 'Brewing tips', share: 60 },
          { key: 'behind-the-roast', name: 'Behind the roast', share: 40 },
        ],
      }),
    },
    'PUT /api/strategy/budget-plan': {
      body: () => ({
        currency: 'EUR',
        startMonth: month(),
        months: 3,
        team: [{ role: 'Strategist', hoursPerMonth: 10, hourlyRateMinor: 6000 }],
      }),
    },
  };
}

/** Values for path parameters that are neither ids nor enums. */
export const PATH_VALUES: Record<string, string> = { problem: 'brand-awareness' };
