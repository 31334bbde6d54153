export const GOAL_REPOSITORY = Symbol('strategy:goal-repository');
