// Request bodies the service tests share: a small but complete strategy for a coffee brand.

export const identityBody = (brandName = 'Acme Coffee') => ({
  brandName,
  mission: 'Good coffee for every desk',
  valueProposition: 'Roasted this week, delivered next day',
  differentiators: ['Own roastery', 'Carbon-neutral delivery'],
  voice: {
    toneAdjectives: ['warm', 'direct'],
    doExamples: ['Fresh beans, no fuss.'],
    dontExamples: ['BEST COFFEE EVER!!!'],
    wordsToUse: ['fresh', 'roasted'],
    wordsToAvoid: ['cheap'],
    emojiPolicy: 'sparingly',
    hashtagPolicy: { maxPerPost: 3, placement: 'end-of-text', required: ['acmecoffee'] },
    maxLengthGuidance: 280,
  },
});

export const audienceBody = (
  name: string,
  networks: { network: string; presence: string }[],
  priority = 3,
) => ({
  kind: 'persona',
  name,
  description: 'Buys coffee for a team of ten',
  priority,
  demographics: {
    ageMin: 28,
    ageMax: 45,
    genders: [],
    locations: [{ country: 'IT', region: 'Lombardia', city: 'Milano' }],
    languages: ['it', 'en-GB'],
    jobTitles: ['Office manager'],
    industries: ['Software'],
  },
  interests: ['specialty coffee', 'team rituals'],
  pains: ['bad office coffee'],
  objections: ['price per cup'],
  networks,
  buyingStage: 'consideration',
  subTargets: [
    {
      key: 'beans-subscription',
      name: 'Beans subscribers',
      productLine: 'Beans subscription',
      interests: ['home brewing'],
      pains: ['running out of beans'],
      objections: [],
      networks: [{ network: 'instagram', presence: 'primary' }],
      buyingStage: 'decision',
    },
  ],
});

export const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

export const goalBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'More reach',
  metric: 'reach',
  baseline: { unit: 'count', value: 10_000 },
  target: { unit: 'count', value: 40_000 },
  deadline: inDays(120),
  timeZone: 'Europe/Rome',
  ...overrides,
});

export const channelPlanBody = (shares: [number, number] = [60, 40]) => ({
  teamHoursPerWeek: 20,
  channels: [
    { network: 'instagram', postsPerWeek: 4, hoursPerPost: 1.5, communityHoursPerWeek: 2 },
    { network: 'linkedin', postsPerWeek: 2, hoursPerPost: 1 },
  ],
  pillars: [
    { key: 'brewing-tips', name: 'Brewing tips', share: shares[0] },
    { key: 'behind-the-roast', name: 'Behind the roast', share: shares[1] },
  ],
});

export const budgetBody = (goalId: string, overrides: Record<string, unknown> = {}) => ({
  currency: 'EUR',
  startMonth: new Date().toISOString().slice(0, 7),
  months: 3,
  team: [{ role: 'Strategist', hoursPerMonth: 10, hourlyRateMinor: 6000 }],
  tools: [{ name: 'Design tool', monthlyCostMinor: 1200 }],
  paidMedia: [{ network: 'instagram', month: new Date().toISOString().slice(0, 7), amountMinor: 50_000 }],
  expectedReturns: [{ goalId, amountMinor: 300_000, rationale: '30 orders x EUR 100' }],
  ...overrides,
});
