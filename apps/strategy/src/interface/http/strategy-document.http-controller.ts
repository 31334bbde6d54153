import { Controller, Get, Header, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { hasPermission, type Identity } from '@chorus/access';
import { CurrentIdentity, RequirePermission } from '@chorus/service-kit';
import { GetStrategyDocumentQuery } from '../../application/queries/get-strategy-document/get-strategy-document.query.js';
import { strategyDocumentBlocks } from './document/strategy-document-blocks.mapper.js';
import { renderStrategyDocumentHtml } from './document/strategy-document-html.mapper.js';
import { renderStrategyDocumentPdf } from './document/strategy-document-pdf.mapper.js';

@ApiTags('strategy document')
@Controller('strategy-document')
export class StrategyDocumentHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('html')
  @RequirePermission('goal:read')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({
    summary: 'The whole strategy as a printable HTML page',
    description:
      'Identity, audiences, diagnosis, goals, channel plan, budget and P&L (budget and P&L only for roles ' +
      'with budget:read). Parts not written yet say so.',
  })
  @ApiProduces('text/html')
  @ApiResponse({ status: 200, description: 'A standalone HTML document', schema: { type: 'string' } })
  async html(@CurrentIdentity() identity: Identity): Promise<string> {
    const { blocks, title } = await this.document(identity);
    return renderStrategyDocumentHtml(blocks, title);
  }

  @Get('pdf')
  @RequirePermission('goal:read')
  @ApiOperation({
    summary: 'The whole strategy as a PDF (A4)',
    description: 'The same content as the HTML page.',
  })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'A PDF file', schema: { type: 'string', format: 'binary' } })
  async pdf(
    @CurrentIdentity() identity: Identity,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { blocks, title } = await this.document(identity);
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'attachment; filename="strategy.pdf"');
    return renderStrategyDocumentPdf(blocks, title);
  }

  private async document(identity: Identity) {
    const doc = await this.queries.execute(
      new GetStrategyDocumentQuery(
        identity.tenantId,
        identity.workspaceId,
        hasPermission(identity.roles, 'budget:read'),
      ),
    );
    const brand = doc.identity?.brandName ?? 'your brand';
    return { blocks: strategyDocumentBlocks(doc, brand), title: `Social media strategy: ${brand}` };
  }
}
