import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Post,
  Req,
  Res,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiServiceUnavailableResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebhookRequest } from '@chorus/connector-sdk';
import { PublicEndpoint, ResponseSchema, ValidParam } from '@chorus/service-kit';
import { ReceiveWebhookCommand } from '../../application/commands/receive-webhook/receive-webhook.command.js';
import { AnswerWebhookChallengeQuery } from '../../application/queries/answer-webhook-challenge/answer-webhook-challenge.query.js';
import {
  MalformedWebhookError,
  WebhookCompletionDeferredError,
  WebhookConnectorNotFoundError,
  WebhookSignatureRefusedError,
} from '../../domain/webhook.errors.js';
import { ConnectorIdParam, WebhookReceiptDto } from './dto/webhook-receipt.dto.js';

/** Nest's Fastify adapter keeps the exact bytes of JSON and form bodies here (service-kit boots with rawBody). */
type RawBodyRequest = FastifyRequest & { rawBody?: Buffer };

/**
 * The public intake networks post to: no Chorus identity (the gateway passes this route through
 * unauthenticated); the connector's signature check on the exact bytes is the authentication.
 */
@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':connector')
  @HttpCode(200)
  @PublicEndpoint()
  @ApiOperation({
    summary: 'Receive a webhook delivery from a network',
    description:
      'Verified by the connector on the raw body; a bad or missing signature is refused with 401 and nothing is ' +
      'stored. Interactions for accounts no workspace has connected are accepted and dropped.',
  })
  @ResponseSchema(200, WebhookReceiptDto, 'Genuine: stored, duplicates and unroutable interactions counted')
  @ApiUnauthorizedResponse({ description: 'The signature is missing or does not match the body' })
  @ApiNotFoundResponse({ description: 'No connector with this id takes webhooks' })
  @ApiBadRequestResponse({ description: 'Genuine, but not a delivery the connector can read' })
  @ApiServiceUnavailableResponse({
    description:
      'Genuine, but an interaction could not be read in full for now: the network delivers it again',
  })
  async receiveWebhook(
    @ValidParam('connector', ConnectorIdParam) connectorId: string,
    @Req() request: RawBodyRequest,
  ): Promise<WebhookReceiptDto> {
    try {
      return await this.commands.execute(new ReceiveWebhookCommand(connectorId, webhookRequestOf(request)));
    } catch (error) {
      throw httpErrorOf(error);
    }
  }

  @Get(':connector')
  @PublicEndpoint()
  @ApiOperation({
    summary: "Answer a network's subscription handshake (Meta hub.challenge, X crc_token)",
    description: 'Only for connectors whose webhook has a handshake; the connector writes the answer.',
  })
  @ApiUnauthorizedResponse({ description: 'The handshake does not carry what the connector expects' })
  @ApiNotFoundResponse({ description: 'No connector with this id has a webhook handshake' })
  async answerWebhookChallenge(
    @ValidParam('connector', ConnectorIdParam) connectorId: string,
    @Req() request: RawBodyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    try {
      const answer = await this.queries.execute(
        new AnswerWebhookChallengeQuery(connectorId, webhookRequestOf(request)),
      );
      await reply.status(answer.status).header('content-type', answer.contentType).send(answer.body);
    } catch (error) {
      throw httpErrorOf(error);
    }
  }
}

function webhookRequestOf(request: RawBodyRequest): WebhookRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const query: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    query[name] = typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;
  }
  return { rawBody: request.rawBody ?? Buffer.alloc(0), headers, query };
}

function httpErrorOf(error: unknown): unknown {
  if (error instanceof WebhookSignatureRefusedError) {
    return new UnauthorizedException(error.message);
  }
  if (error instanceof WebhookConnectorNotFoundError) {
    return new NotFoundException(error.message);
  }
  if (error instanceof MalformedWebhookError) {
    return new BadRequestException(error.message);
  }
  if (error instanceof WebhookCompletionDeferredError) {
    return new ServiceUnavailableException(error.message);
  }
  return error;
}
