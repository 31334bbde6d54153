export { brandVoiceChangedV1, type BrandVoiceChangedV1 } from './brand-voice-changed.v1.js';
export { goalChangedV1, type GoalChangedV1 } from './goal-changed.v1.js';
export { goalRetiredV1, type GoalRetiredV1 } from './goal-retired.v1.js';
export { goalSetV1, type GoalSetV1 } from './goal-set.v1.js';
