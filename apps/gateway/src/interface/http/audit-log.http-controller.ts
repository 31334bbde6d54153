import { BadRequestException, Controller, Get, Header, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  CurrentIdentity,
  QuerySchema,
  RequirePermission,
  ResponseSchema,
  ValidQuery,
  type RequestWithMember,
} from '@chorus/service-kit';
import type { AuditFilter } from '../../application/ports/audit-log.port.js';
import { SearchAuditLogQuery } from '../../application/queries/search-audit-log/search-audit-log.query.js';
import type { AuditEntry } from '../../domain/audit-entry.entity.js';
import { isScopedCredential } from './credential-owner.mapper.js';
import { csvRow } from './csv.mapper.js';
import {
  AuditLogExportSearch,
  AuditLogResponse,
  AuditLogSearch,
  type AuditEntryResponse,
} from './dto/audit-log.dto.js';

const CSV_COLUMNS = [
  'id',
  'occurredAt',
  'workspaceId',
  'actorId',
  'action',
  'objectType',
  'objectId',
  'source',
  'details',
];

/** Who did what, when, to which object: this workspace's entries, and the agency-wide ones for agency roles. */
@ApiTags('audit')
@Controller('api/audit-log')
export class AuditLogHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOperation({ summary: 'Search the audit log, newest first' })
  @QuerySchema(AuditLogSearch)
  @ResponseSchema(200, AuditLogResponse, 'A page of entries')
  @BadRequestDoc()
  async search(
    @ValidQuery(AuditLogSearch) search: AuditLogSearch,
    @CurrentIdentity() identity: Identity,
    @Req() request: RequestWithMember,
  ): Promise<z.infer<typeof AuditLogResponse>> {
    const entries = await this.queries.execute(
      new SearchAuditLogQuery(filterOf(search, identity), identity.userId, isScopedCredential(request)),
    );
    return {
      items: entries.map(toResponse),
      nextBefore: entries.length === search.limit ? (entries.at(-1)?.id ?? null) : null,
    };
  }

  @Get('export.csv')
  @RequirePermission('audit:read')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="chorus-audit-log.csv"')
  @ApiOperation({ summary: 'The same search as CSV (up to 10 000 rows; formula-looking cells neutralised)' })
  @ApiProduces('text/csv')
  @QuerySchema(AuditLogExportSearch)
  @BadRequestDoc()
  async export(
    @ValidQuery(AuditLogExportSearch) search: AuditLogExportSearch,
    @CurrentIdentity() identity: Identity,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Req() request: RequestWithMember,
  ): Promise<string> {
    const entries = await this.queries.execute(
      new SearchAuditLogQuery(filterOf(search, identity), identity.userId, isScopedCredential(request)),
    );
    void reply.header('cache-control', 'no-store');
    return (
      csvRow(CSV_COLUMNS) +
      entries
        .map(toResponse)
        .map((e) => csvRow(CSV_COLUMNS.map((column) => e[column as keyof typeof e])))
        .join('')
    );
  }
}

function filterOf(search: AuditLogSearch, identity: Identity): Omit<AuditFilter, 'includeAgencyWide'> {
  const from = search.from === undefined ? undefined : new Date(search.from);
  const to = search.to === undefined ? undefined : new Date(search.to);
  if (from !== undefined && to !== undefined && from >= to) {
    const problem = 'must be after from';
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `Invalid query: to: ${problem}`,
      problems: [{ field: 'to', problem }],
    });
  }
  return { ...search, from, to, tenantId: identity.tenantId, workspaceId: identity.workspaceId };
}

function toResponse(entry: AuditEntry): z.infer<typeof AuditEntryResponse> {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    workspaceId: entry.workspaceId,
    actorId: entry.actorId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    source: entry.source,
    details: { ...entry.details },
  };
}
