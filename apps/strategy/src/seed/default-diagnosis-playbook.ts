import type { BrandProblem } from '../domain/brand-problem.value-object.js';
import type { Recommendations } from '../domain/diagnosis-playbook.aggregate.js';
import type { FieldThreshold } from '../domain/severity.value-object.js';

// The playbook every agency starts with: thresholds that make evidence a warning or critical, and what to
// recommend for each problem. It is data, not code: an agency replaces any entry through
// PUT /diagnosis-playbook/problems/{problem}, and its copy wins from then on (docs/adr/0011).

export interface SeedEntry {
  readonly thresholds: Readonly<Record<string, FieldThreshold>>;
  readonly recommendations: Recommendations;
}

export const DEFAULT_DIAGNOSIS_PLAYBOOK: Readonly<Record<BrandProblem, SeedEntry>> = {
  'traffic-and-organic-search': {
    thresholds: {
      monthlySessions: { warning: 5000, critical: 1000 },
      organicSearchShare: { warning: 30, critical: 15 },
      keywordsInTop10: { warning: 20, critical: 5 },
      socialReferralShare: { warning: 5, critical: 2 },
    },
    recommendations: {
      goals: [
        { title: 'Grow website sessions from social', metric: 'sessions', kpis: ['clicks', 'bounce-rate'] },
        { title: 'Grow organic search sessions', metric: 'organic-sessions', kpis: ['sessions'] },
        { title: 'More link clicks per post', metric: 'clicks', kpis: ['reach', 'engagement-rate'] },
      ],
      channels: ['pinterest', 'linkedin', 'youtube'],
      contentPillars: ['How-to guides', 'Evergreen articles'],
      actions: ['Link every post to a landing page with UTM tags', 'Publish search-led blog content weekly'],
    },
  },
  'brand-awareness': {
    thresholds: {
      followers: { warning: 5000, critical: 1000 },
      monthlyReach: { warning: 20000, critical: 5000 },
      brandedSearches: { warning: 500, critical: 100 },
      shareOfVoice: { warning: 10, critical: 5 },
    },
    recommendations: {
      goals: [
        { title: 'Reach more people every month', metric: 'reach', kpis: ['impressions', 'video-views'] },
        { title: 'Grow the follower base', metric: 'followers', kpis: ['audience-growth-rate'] },
      ],
      channels: ['instagram', 'tiktok', 'youtube'],
      contentPillars: ['Brand story', 'Short entertaining video', 'Collaborations'],
      actions: ['Post short video three times a week', 'Run a small always-on reach campaign'],
    },
  },
  'customer-loyalty': {
    thresholds: {
      repeatPurchaseRate: { warning: 30, critical: 15 },
      churnRate: { warning: 5, critical: 10 },
      netPromoterScore: { warning: 30, critical: 0 },
    },
    recommendations: {
      goals: [
        { title: 'More customers buy again', metric: 'repeat-purchase-rate', kpis: ['engagement-rate'] },
        {
          title: 'Deepen engagement with customers',
          metric: 'engagement-rate',
          kpis: ['comments', 'shares'],
        },
      ],
      channels: ['instagram', 'facebook'],
      contentPillars: ['Customer stories', 'Behind the scenes', 'Tips for customers'],
      actions: ['Start a customer community group', 'Reply to every comment within a day'],
    },
  },
  'online-reputation': {
    thresholds: {
      averageReviewRating: { warning: 4, critical: 3.5 },
      negativeMentionShare: { warning: 10, critical: 25 },
      medianResponseHours: { warning: 24, critical: 72 },
    },
    recommendations: {
      goals: [
        {
          title: 'Fewer negative reactions',
          metric: 'negative-feedback',
          kpis: ['positive-sentiment-share'],
        },
        { title: 'Answer complaints faster', metric: 'response-time-minutes', kpis: ['comments'] },
        {
          title: 'Raise positive sentiment',
          metric: 'positive-sentiment-share',
          kpis: ['negative-feedback'],
        },
      ],
      channels: ['facebook', 'x', 'instagram'],
      contentPillars: ['Customer care', 'Reviews and testimonials'],
      actions: ['Set saved replies and moderation rules', 'Define a crisis playbook with an on-call person'],
    },
  },
  'sales-difficulty': {
    thresholds: {
      monthlyLeads: { warning: 50, critical: 10 },
      leadToCustomerRate: { warning: 10, critical: 3 },
      salesCycleDays: { warning: 60, critical: 120 },
    },
    recommendations: {
      goals: [
        {
          title: 'More qualified leads from social',
          metric: 'leads',
          kpis: ['conversions', 'cost-per-lead'],
        },
        { title: 'Higher conversion rate on landing pages', metric: 'conversion-rate', kpis: ['sessions'] },
        { title: 'Revenue attributed to social', metric: 'revenue', kpis: ['roas'] },
      ],
      channels: ['linkedin', 'facebook', 'instagram'],
      contentPillars: ['Product in use', 'Offers', 'Case studies'],
      actions: ['Hand leads to the CRM with attribution', 'Retarget site visitors with paid ads'],
    },
  },
  'infrastructure-readiness': {
    thresholds: {
      mobileFriendlyWebsite: { whenBad: 'critical' },
      analyticsInstalled: { whenBad: 'critical' },
      pageLoadSeconds: { warning: 3, critical: 6 },
      crmInPlace: { whenBad: 'warning' },
    },
    recommendations: {
      goals: [
        { title: 'Landing pages that keep visitors', metric: 'bounce-rate', kpis: ['sessions'] },
        { title: 'Measure conversions from social', metric: 'conversions', kpis: ['clicks'] },
      ],
      channels: ['facebook', 'instagram'],
      contentPillars: ['Product information'],
      actions: ['Install web analytics and the first-party collector', 'Make the website mobile-friendly'],
    },
  },
  'digital-culture': {
    thresholds: {
      staffTrainedOnSocial: { warning: 50, critical: 20 },
      approvalDays: { warning: 3, critical: 7 },
      digitalOwnerNamed: { whenBad: 'critical' },
    },
    recommendations: {
      goals: [
        { title: 'Publish consistently', metric: 'impressions', kpis: ['reach'] },
        { title: 'Employees amplify the brand', metric: 'shares', kpis: ['reach', 'engagements'] },
      ],
      channels: ['linkedin'],
      contentPillars: ['Team and culture', 'Expertise'],
      actions: [
        'Name a digital owner',
        'Train the team on social media basics',
        'Set a two-step approval flow',
      ],
    },
  },
};
