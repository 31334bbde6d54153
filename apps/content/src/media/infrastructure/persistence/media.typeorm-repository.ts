import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { MediaRepository } from '../../application/ports/media-repository.port.js';
import type { MediaAsset, MediaDerivative } from '../../domain/media-asset.value-object.js';

interface AssetRow {
  id: string;
  tenant_id: string;
  workspace_id: string;
  kind: MediaAsset['kind'];
  mime_type: string;
  size_bytes: string | number;
  width: number | null;
  height: number | null;
  duration_seconds: number | null;
  alt_text: string | null;
  file_name: string | null;
  sha256: string;
  created_at: Date | string;
  created_by: string;
  derivatives: DerivativeRow[] | null;
}

interface DerivativeRow {
  id: string;
  network: string;
  mime_type: string;
  size_bytes: string | number;
  width: number;
  height: number;
  description: string;
}

const SELECT = `
  SELECT a.*, (SELECT coalesce(jsonb_agg(to_jsonb(d) ORDER BY d.network), '[]'::jsonb)
                 FROM content.media_derivative d WHERE d.media_id = a.id) AS derivatives
    FROM content.media_asset a`;

@Injectable()
export class MediaTypeormRepository implements MediaRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async add(asset: MediaAsset): Promise<void> {
    await this.transactions.run(asset.tenantId, (tx) =>
      tx.query(
        `INSERT INTO content.media_asset (id, tenant_id, workspace_id, kind, mime_type, size_bytes, width, height,
           duration_seconds, alt_text, file_name, sha256, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          asset.id,
          asset.tenantId,
          asset.workspaceId,
          asset.kind,
          asset.mimeType,
          asset.sizeBytes,
          asset.width,
          asset.height,
          asset.durationSeconds,
          asset.altText,
          asset.fileName,
          asset.sha256,
          asset.createdAt,
          asset.createdBy,
        ],
      ),
    );
  }

  async find(tenantId: string, workspaceId: string, mediaId: string): Promise<MediaAsset | null> {
    return (await this.findMany(tenantId, workspaceId, [mediaId]))[0] ?? null;
  }

  async findMany(tenantId: string, workspaceId: string, mediaIds: readonly string[]): Promise<MediaAsset[]> {
    if (mediaIds.length === 0) {
      return [];
    }
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<AssetRow>(`${SELECT} WHERE a.workspace_id = $1 AND a.id = ANY($2::uuid[])`, [
        workspaceId,
        [...mediaIds],
      ]),
    );
    return rows.map(toAsset);
  }

  async list(
    tenantId: string,
    workspaceId: string,
    filter: { kind?: MediaAsset['kind'] },
  ): Promise<MediaAsset[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<AssetRow>(
        `${SELECT} WHERE a.workspace_id = $1 AND ($2::text IS NULL OR a.kind = $2)
          ORDER BY a.created_at DESC, a.id DESC LIMIT 1000`,
        [workspaceId, filter.kind ?? null],
      ),
    );
    return rows.map(toAsset);
  }

  async setAltText(
    tenantId: string,
    workspaceId: string,
    mediaId: string,
    altText: string | null,
  ): Promise<boolean> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ id: string }>(
        `UPDATE content.media_asset SET alt_text = $3 WHERE workspace_id = $1 AND id = $2 RETURNING id`,
        [workspaceId, mediaId, altText],
      ),
    );
    return rows.length > 0;
  }

  async putDerivative(tenantId: string, mediaId: string, d: MediaDerivative): Promise<void> {
    await this.transactions.run(tenantId, (tx) =>
      tx.query(
        `INSERT INTO content.media_derivative (id, tenant_id, media_id, network, mime_type, size_bytes, width, height,
           description, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
         ON CONFLICT (media_id, network) DO UPDATE SET id = EXCLUDED.id, mime_type = EXCLUDED.mime_type,
           size_bytes = EXCLUDED.size_bytes, width = EXCLUDED.width, height = EXCLUDED.height,
           description = EXCLUDED.description, created_at = now()`,
        [d.id, tenantId, mediaId, d.network, d.mimeType, d.sizeBytes, d.width, d.height, d.description],
      ),
    );
  }

  async removeUnlessScheduled(
    tenantId: string,
    workspaceId: string,
    mediaId: string,
  ): Promise<{ removed: true } | { removed: false; usedBy: string[] }> {
    return this.transactions.run(tenantId, async (tx) => {
      // The master, a variant or a thread item may use it: any `mediaId` anywhere in the post's content.
      const users = await tx.query<{ id: string }>(
        `SELECT id FROM content.post
          WHERE workspace_id = $1 AND status = 'scheduled'
            AND jsonb_path_exists(content, '$.** ? (@.mediaId == $id)', jsonb_build_object('id', $2::text))
          ORDER BY publish_at LIMIT 20`,
        [workspaceId, mediaId],
      );
      if (users.length > 0) {
        return { removed: false, usedBy: users.map((u) => u.id) };
      }
      await tx.query(`DELETE FROM content.media_asset WHERE workspace_id = $1 AND id = $2`, [
        workspaceId,
        mediaId,
      ]);
      return { removed: true };
    });
  }
}

function toAsset(row: AssetRow): MediaAsset {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    mimeType: row.mime_type,
    sizeBytes: Number(row.size_bytes),
    width: row.width,
    height: row.height,
    durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
    altText: row.alt_text,
    fileName: row.file_name,
    sha256: row.sha256,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    derivatives: (row.derivatives ?? []).map((d) => ({
      id: d.id,
      network: d.network,
      mimeType: d.mime_type,
      sizeBytes: Number(d.size_bytes),
      width: d.width,
      height: d.height,
      description: d.description,
    })),
  };
}
