// Ports are interfaces, so they are injected by token (vitest strips types; docs/adr/0001).
export const GOAL_REPOSITORY = Symbol('strategy:goal-repository');
export const BRAND_IDENTITY_REPOSITORY = Symbol('strategy:brand-identity-repository');
export const AUDIENCE_REPOSITORY = Symbol('strategy:audience-repository');
export const DIAGNOSIS_REPOSITORY = Symbol('strategy:diagnosis-repository');
export const DIAGNOSIS_PLAYBOOK_REPOSITORY = Symbol('strategy:diagnosis-playbook-repository');
export const CHANNEL_PLAN_REPOSITORY = Symbol('strategy:channel-plan-repository');
export const BUDGET_REPOSITORY = Symbol('strategy:budget-repository');
