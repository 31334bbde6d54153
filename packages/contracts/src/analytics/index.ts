export { budgetActualsRecordedV1, type BudgetActualsRecordedV1 } from './budget-actuals-recorded.v1.js';
