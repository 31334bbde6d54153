import type { StrategyPaths } from '@chorus/api-client';

export type ProblemDiagnosis =
  StrategyPaths['/diagnosis']['get']['responses'][200]['content']['application/json']['problems'][number];
export type PlaybookEntry =
  StrategyPaths['/diagnosis-playbook']['get']['responses'][200]['content']['application/json']['entries'][number];
export type EvidenceField = ProblemDiagnosis['fields'][number];
