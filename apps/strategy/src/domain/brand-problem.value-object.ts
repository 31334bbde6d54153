/** The problems a brand typically has (DESIGN.md, Strategy). */
export const BRAND_PROBLEMS = [
  'traffic-and-organic-search',
  'brand-awareness',
  'customer-loyalty',
  'online-reputation',
  'sales-difficulty',
  'infrastructure-readiness',
  'digital-culture',
] as const;

export type BrandProblem = (typeof BRAND_PROBLEMS)[number];

export function isBrandProblem(value: string): value is BrandProblem {
  return (BRAND_PROBLEMS as readonly string[]).includes(value);
}

/**
 * One piece of evidence. Numbers are judged against a warning and a critical threshold in the direction that
 * is worse for the brand; a yes/no is bad when it has the value `worseWhen` names.
 */
export type EvidenceField =
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'count' | 'percent' | 'number';
      /** What the number counts, for people: 'sessions per month', 'hours', 'stars (1-5)'. */
      readonly unit: string;
      readonly min: number | null;
      readonly max: number | null;
      readonly worseWhen: 'lower' | 'higher';
    }
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'boolean';
      readonly worseWhen: 'false' | 'true';
    };

const count = (key: string, label: string, unit: string, worseWhen: 'lower' | 'higher'): EvidenceField => ({
  key,
  label,
  kind: 'count',
  unit,
  min: 0,
  max: null,
  worseWhen,
});
const percent = (key: string, label: string, worseWhen: 'lower' | 'higher'): EvidenceField => ({
  key,
  label,
  kind: 'percent',
  unit: '%',
  min: 0,
  max: 100,
  worseWhen,
});
const num = (
  key: string,
  label: string,
  unit: string,
  range: [number | null, number | null],
  worseWhen: 'lower' | 'higher',
): EvidenceField => ({ key, label, kind: 'number', unit, min: range[0], max: range[1], worseWhen });
const yesNo = (key: string, label: string): EvidenceField => ({
  key,
  label,
  kind: 'boolean',
  worseWhen: 'false',
});

export interface ProblemDefinition {
  readonly problem: BrandProblem;
  readonly label: string;
  /** Entered by hand until a data source (analytics, a CRM) fills them. */
  readonly evidence: readonly EvidenceField[];
}

export const PROBLEM_DEFINITIONS: Readonly<Record<BrandProblem, ProblemDefinition>> = {
  'traffic-and-organic-search': {
    problem: 'traffic-and-organic-search',
    label: 'Poor or missing traffic and organic search presence',
    evidence: [
      count('monthlySessions', 'Website sessions per month', 'sessions per month', 'lower'),
      percent('organicSearchShare', 'Share of sessions from organic search', 'lower'),
      count('keywordsInTop10', 'Keywords ranking in the top 10', 'keywords', 'lower'),
      percent('socialReferralShare', 'Share of sessions referred by social networks', 'lower'),
    ],
  },
  'brand-awareness': {
    problem: 'brand-awareness',
    label: 'Weak brand awareness',
    evidence: [
      count('followers', 'Followers across channels', 'followers', 'lower'),
      count('monthlyReach', 'Accounts reached per month', 'accounts per month', 'lower'),
      count('brandedSearches', 'Branded searches per month', 'searches per month', 'lower'),
      percent('shareOfVoice', 'Share of voice in the market', 'lower'),
    ],
  },
  'customer-loyalty': {
    problem: 'customer-loyalty',
    label: 'Falling customer loyalty',
    evidence: [
      percent('repeatPurchaseRate', 'Customers who bought again within a year', 'lower'),
      percent('churnRate', 'Customers lost per month', 'higher'),
      num('netPromoterScore', 'Net Promoter Score', 'NPS (-100 to 100)', [-100, 100], 'lower'),
    ],
  },
  'online-reputation': {
    problem: 'online-reputation',
    label: 'Poor online reputation',
    evidence: [
      num('averageReviewRating', 'Average review rating', 'stars (1-5)', [1, 5], 'lower'),
      percent('negativeMentionShare', 'Share of mentions that are negative', 'higher'),
      num('medianResponseHours', 'Median time to answer a public complaint', 'hours', [0, null], 'higher'),
    ],
  },
  'sales-difficulty': {
    problem: 'sales-difficulty',
    label: 'Sales difficulty',
    evidence: [
      count('monthlyLeads', 'Qualified leads per month', 'leads per month', 'lower'),
      percent('leadToCustomerRate', 'Leads that become customers', 'lower'),
      num('salesCycleDays', 'Average sales cycle', 'days', [0, null], 'higher'),
    ],
  },
  'infrastructure-readiness': {
    problem: 'infrastructure-readiness',
    label: 'Infrastructure not ready for digital communication',
    evidence: [
      yesNo('mobileFriendlyWebsite', 'The website works well on phones'),
      yesNo('analyticsInstalled', 'Web analytics and conversion tracking are installed'),
      num('pageLoadSeconds', 'Home page load time on mobile', 'seconds', [0, null], 'higher'),
      yesNo('crmInPlace', 'A CRM receives leads from digital channels'),
    ],
  },
  'digital-culture': {
    problem: 'digital-culture',
    label: 'No digital culture',
    evidence: [
      percent('staffTrainedOnSocial', 'Staff trained on social media', 'lower'),
      num('approvalDays', 'Days a post waits for internal approval', 'days', [0, null], 'higher'),
      yesNo('digitalOwnerNamed', 'Someone owns digital communication'),
    ],
  },
};

export function evidenceField(problem: BrandProblem, key: string): EvidenceField | undefined {
  return PROBLEM_DEFINITIONS[problem].evidence.find((f) => f.key === key);
}
