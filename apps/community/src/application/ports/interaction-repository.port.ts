import type { Interaction, InteractionProps } from '../../domain/interaction.aggregate.js';

/** An interaction as the inbox shows it: with the contact and conversation it was filed under. */
export interface InteractionView extends InteractionProps {
  readonly contactId: string;
  readonly conversationId: string;
}

export interface InteractionPage {
  readonly limit: number;
  /** The id of the last interaction of the previous page; null for the newest. */
  readonly before: string | null;
}

export interface InteractionRepository {
  /**
   * Stores the interaction, files it under its contact and conversation, and adds InteractionReceived to the
   * outbox, all in one transaction as its tenant. False, and nothing written, when the channel already has an
   * interaction with this remote id (a redelivered webhook).
   */
  addIfNew(interaction: Interaction): Promise<boolean>;
  /** Newest first. */
  listByWorkspace(tenantId: string, workspaceId: string, page: InteractionPage): Promise<InteractionView[]>;
}
