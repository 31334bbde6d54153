import { Entity } from 'typeorm';
import type { BudgetPlanContent } from '../../domain/budget-plan.aggregate.js';
import { WorkspaceDocumentOrmEntity } from './workspace-document.orm-entity.js';

@Entity({ schema: 'strategy', name: 'budget_plan' })
export class BudgetPlanOrmEntity extends WorkspaceDocumentOrmEntity<BudgetPlanContent> {}
