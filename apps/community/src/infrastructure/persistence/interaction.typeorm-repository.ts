import { Inject, Injectable } from '@nestjs/common';
import { uuidv7 } from '@chorus/contracts';
import type { Outbox } from '@chorus/messaging';
import type { Tx } from '@chorus/persistence';
import { OUTBOX, TenantTransactions } from '@chorus/service-kit';
import type {
  InteractionPage,
  InteractionRepository,
  InteractionView,
} from '../../application/ports/interaction-repository.port.js';
import {
  Interaction,
  type InteractionKind,
  type InteractionProps,
} from '../../domain/interaction.aggregate.js';
import { interactionReceivedEvent } from './interaction-integration-events.mapper.js';

interface InteractionRow {
  id: string;
  tenant_id: string;
  workspace_id: string;
  channel_id: string;
  network: string;
  remote_id: string;
  kind: InteractionKind;
  conversation_id: string;
  conversation_key: string;
  contact_id: string;
  author_remote_id: string;
  author_handle: string;
  author_display_name: string | null;
  author_url: string | null;
  in_reply_to_remote_id: string | null;
  text: string;
  url: string | null;
  written_at: Date | string;
  received_at: Date | string;
}

/** Thrown inside the transaction to roll it back when another delivery stored the interaction first. */
class AlreadyStored extends Error {}

@Injectable()
export class InteractionTypeormRepository implements InteractionRepository {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(OUTBOX) private readonly outbox: Outbox,
  ) {}

  async addIfNew(interaction: Interaction): Promise<boolean> {
    const i = interaction.snapshot();
    try {
      return await this.transactions.run(i.tenantId, async (tx) => {
        const known = await tx.query(
          `SELECT 1 FROM community.interaction WHERE network = $1 AND channel_id = $2 AND remote_id = $3`,
          [i.network, i.channelId, i.remoteId],
        );
        if (known.length > 0) {
          return false;
        }
        const contactId = await this.contactOf(tx, i);
        const conversationId = await this.conversationOf(tx, i);
        const inserted = await tx.query(
          `INSERT INTO community.interaction
             (id, tenant_id, workspace_id, channel_id, network, remote_id, kind, conversation_id, contact_id,
              in_reply_to_remote_id, text, url, written_at, received_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           ON CONFLICT (network, channel_id, remote_id) DO NOTHING
           RETURNING id`,
          [
            i.id,
            i.tenantId,
            i.workspaceId,
            i.channelId,
            i.network,
            i.remoteId,
            i.kind,
            conversationId,
            contactId,
            i.inReplyToRemoteId,
            i.text,
            i.url,
            i.writtenAt,
            i.receivedAt,
          ],
        );
        if (inserted.length === 0) {
          throw new AlreadyStored();
        }
        await this.outbox.add(tx, [interactionReceivedEvent(i, { contactId, conversationId })]);
        return true;
      });
    } catch (error) {
      if (error instanceof AlreadyStored) {
        return false;
      }
      throw error;
    }
  }

  async listByWorkspace(
    tenantId: string,
    workspaceId: string,
    page: InteractionPage,
  ): Promise<InteractionView[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<InteractionRow>(
        `SELECT i.id, i.tenant_id, i.workspace_id, i.channel_id, i.network, i.remote_id, i.kind,
                i.conversation_id, v.remote_key AS conversation_key, i.contact_id,
                c.remote_id AS author_remote_id, c.handle AS author_handle,
                c.display_name AS author_display_name, c.url AS author_url,
                i.in_reply_to_remote_id, i.text, i.url, i.written_at, i.received_at
           FROM community.interaction i
           JOIN community.contact c ON c.id = i.contact_id
           JOIN community.conversation v ON v.id = i.conversation_id
          WHERE i.workspace_id = $1 AND ($2::uuid IS NULL OR i.id < $2::uuid)
          ORDER BY i.id DESC
          LIMIT $3`,
        [workspaceId, page.before, page.limit],
      ),
    );
    return rows.map(toView);
  }

  private async contactOf(tx: Tx, i: InteractionProps): Promise<string> {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO community.contact
         (id, tenant_id, workspace_id, network, remote_id, handle, display_name, url, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, workspace_id, network, remote_id) DO UPDATE SET
         handle = EXCLUDED.handle, display_name = EXCLUDED.display_name, url = EXCLUDED.url
       RETURNING id`,
      [
        uuidv7(),
        i.tenantId,
        i.workspaceId,
        i.network,
        i.author.remoteId,
        i.author.handle,
        i.author.displayName,
        i.author.url,
        i.receivedAt,
      ],
    );
    return row!.id;
  }

  private async conversationOf(tx: Tx, i: InteractionProps): Promise<string> {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO community.conversation (id, tenant_id, workspace_id, channel_id, remote_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (channel_id, remote_key) DO UPDATE SET remote_key = EXCLUDED.remote_key
       RETURNING id`,
      [uuidv7(), i.tenantId, i.workspaceId, i.channelId, i.conversationKey, i.receivedAt],
    );
    return row!.id;
  }
}

function toView(row: InteractionRow): InteractionView {
  const props = Interaction.restore({
    id: row.id,
    tenantId: row.tenant_id,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    network: row.network,
    remoteId: row.remote_id,
    kind: row.kind,
    conversationKey: row.conversation_key,
    inReplyToRemoteId: row.in_reply_to_remote_id,
    author: {
      remoteId: row.author_remote_id,
      handle: row.author_handle,
      displayName: row.author_display_name,
      url: row.author_url,
    },
    text: row.text,
    url: row.url,
    writtenAt: new Date(row.written_at),
    receivedAt: new Date(row.received_at),
  }).snapshot();
  return { ...props, contactId: row.contact_id, conversationId: row.conversation_id };
}
