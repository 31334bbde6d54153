import { Entity } from 'typeorm';
import type { ChannelPlanContent } from '../../domain/channel-plan.aggregate.js';
import { WorkspaceDocumentOrmEntity } from './workspace-document.orm-entity.js';

@Entity({ schema: 'strategy', name: 'channel_plan' })
export class ChannelPlanOrmEntity extends WorkspaceDocumentOrmEntity<ChannelPlanContent> {}
