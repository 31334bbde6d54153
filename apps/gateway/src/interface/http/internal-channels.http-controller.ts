import {
  BadRequestException,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpException,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PublicEndpoint, ValidBody, ValidParam } from '@chorus/service-kit';
import { ReportChannelReauthCommand } from '../../application/commands/report-channel-reauth/report-channel-reauth.command.js';
import {
  GetChannelCredentialsQuery,
  type ChannelCredentials,
} from '../../application/queries/get-channel-credentials/get-channel-credentials.query.js';
import {
  VaultRewrapStatus,
  type RewrapReport,
} from '../../application/channels/vault-rewrap-status.adapter.js';
import { channelHttpError } from './channel-http.errors.js';
import { ChannelIdParam } from './dto/channel.dto.js';
import { CredentialsBatchBody } from './dto/internal-credentials.dto.js';
import { InternalServiceGuard } from './internal-service.guard.js';

type InternalRequest = FastifyRequest & { internalTenantId: string };

/** One channel's part of a batched read: its credentials, or the status and message its own read would get. */
type CredentialsResult =
  | (ChannelCredentials & { readonly status: 200 })
  | { readonly channelId: string; readonly status: number; readonly message: string };

/** Reads of one batch run this many at a time: each takes the channel's lock and writes an audit entry. */
const BATCH_READ_PARALLELISM = 8;
/**
 * A channel whose read takes longer (a slow token refresh at its network) is answered 503 for itself, so that
 * it does not hold the batch's other channels past the caller's timeout.
 */
const BATCH_ITEM_DEADLINE_MS = 10_000;

/** Who reads a channel's tokens and why: both go to the audit log with every read (ADR 0018). */
export const SERVICE_NAME_HEADER = 'x-chorus-service';
export const PURPOSE_HEADER = 'x-chorus-purpose';
const AUDITED_VALUE = /^[a-z][a-z0-9-]{0,62}$/;

function auditedHeader(request: FastifyRequest, header: string, what: string): string {
  const value = request.headers[header];
  if (typeof value !== 'string' || !AUDITED_VALUE.test(value)) {
    const problem = `must be ${what}: lower-case letters, digits and dashes, up to 63`;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `Invalid header ${header}: ${problem}`,
      problems: [{ field: header, problem }],
    });
  }
  return value;
}

function readerOf(request: FastifyRequest): { service: string; purpose: string } {
  return {
    service: auditedHeader(request, SERVICE_NAME_HEADER, "the calling service's name, e.g. content"),
    purpose: auditedHeader(request, PURPOSE_HEADER, 'why it needs the tokens, e.g. publish'),
  };
}

/**
 * Credentials for the services that publish and read (ADR 0014). Not in the public OpenAPI document, not
 * under /api (so the service proxy never routes to it), and closed to members: the edge guard lets the request
 * through (public for it) and InternalServiceGuard demands the internal token.
 */
@ApiExcludeController()
@Controller('internal/channels')
@PublicEndpoint()
@UseGuards(InternalServiceGuard)
export class InternalChannelsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly rewrapStatus: VaultRewrapStatus,
  ) {}

  /** Working credentials, renewed first when they expire within a minute; 409 when a member must reconnect. */
  @Get(':channelId/credentials')
  @Header('cache-control', 'no-store')
  async credentials(
    @ValidParam('channelId', ChannelIdParam) channelId: string,
    @Req() request: InternalRequest,
  ): Promise<ChannelCredentials> {
    const reader = readerOf(request);
    try {
      return await this.queries.execute(
        new GetChannelCredentialsQuery(request.internalTenantId, channelId, reader),
      );
    } catch (error) {
      throw channelHttpError(error);
    }
  }

  /**
   * Several channels' credentials in one request (a publishing burst reads hundreds a second): one result per
   * channel, in the order asked, each what the single read would answer (200 with the credentials, 404, 409).
   * Every read is audited as a single read is.
   */
  @Post('credentials')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async credentialsOfMany(
    @ValidBody(CredentialsBatchBody) body: CredentialsBatchBody,
    @Req() request: InternalRequest,
  ): Promise<{ results: CredentialsResult[] }> {
    const reader = readerOf(request);
    const results = new Array<CredentialsResult>(body.channelIds.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
      // Once a read has failed the whole request, nothing more is read (nor audited): nobody would get it.
      for (let index = next++; index < body.channelIds.length && !failed; index = next++) {
        try {
          results[index] = await this.readOneInTime(
            request.internalTenantId,
            body.channelIds[index]!,
            reader,
          );
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: BATCH_READ_PARALLELISM }, worker));
    return { results };
  }

  private readOneInTime(
    tenantId: string,
    channelId: string,
    reader: { service: string; purpose: string },
  ): Promise<CredentialsResult> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<CredentialsResult>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            channelId,
            status: 503,
            message: `Reading this channel's credentials took longer than ${BATCH_ITEM_DEADLINE_MS / 1000} s; try again`,
          }),
        BATCH_ITEM_DEADLINE_MS,
      );
    });
    const read = this.readOne(tenantId, channelId, reader);
    // A read still running past its deadline finishes on its own (its refresh is kept); its answer is dropped.
    read.catch(() => undefined);
    return Promise.race([read, late]).finally(() => clearTimeout(timer));
  }

  private async readOne(
    tenantId: string,
    channelId: string,
    reader: { service: string; purpose: string },
  ): Promise<CredentialsResult> {
    try {
      const read: ChannelCredentials = await this.queries.execute(
        new GetChannelCredentialsQuery(tenantId, channelId, reader),
      );
      return { ...read, status: 200 };
    } catch (error) {
      const mapped = channelHttpError(error);
      // Anything but a channel's own answer (the database failed) fails the whole request, as it would one read.
      if (!(mapped instanceof HttpException)) {
        throw mapped;
      }
      const answer = mapped.getResponse();
      const message =
        typeof answer === 'object' && typeof (answer as { message?: unknown }).message === 'string'
          ? (answer as { message: string }).message
          : mapped.message;
      return { channelId, status: mapped.getStatus(), message };
    }
  }

  /** Operators: the last vault re-wrap pass of this instance (failures by channel id, never a secret). */
  @Get('vault-status')
  @Header('cache-control', 'no-store')
  vaultStatus(): RewrapReport {
    return this.rewrapStatus.current();
  }

  /** A service met reauth-required on the network; the gateway checks with the network before it marks it. */
  @Post(':channelId/reauth-required')
  @HttpCode(200)
  async reportReauth(
    @ValidParam('channelId', ChannelIdParam) channelId: string,
    @Req() request: InternalRequest,
  ): Promise<{ outcome: string }> {
    try {
      const outcome: string = await this.commands.execute(
        new ReportChannelReauthCommand(request.internalTenantId, channelId),
      );
      return { outcome };
    } catch (error) {
      throw channelHttpError(error);
    }
  }
}
