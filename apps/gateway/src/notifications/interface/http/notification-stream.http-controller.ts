import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  Optional,
  Req,
  Res,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AuthenticatedEndpoint,
  BadRequestDoc,
  EDGE_AUTHENTICATOR,
  bearerToken,
  type EdgeAuthenticator,
  type RequestWithMember,
} from '@chorus/service-kit';
import type { AuthenticatedMember } from '@chorus/access';
import type { NotificationSignal } from '../../application/ports/notification-signal.port.js';
import { CountUnreadNotificationsQuery } from '../../application/queries/count-unread-notifications/count-unread-notifications.query.js';
import { ListNotificationsSinceQuery } from '../../application/queries/list-notifications-since/list-notifications-since.query.js';
import {
  NOTIFICATION_SETTINGS,
  NOTIFICATION_SIGNAL,
  type NotificationSettings,
} from '../../notifications.tokens.js';
import { memberOf, notificationResponse } from './notifications.http-controller.js';

/** A notification may commit a little after its created_at (another process, a slow transaction): look back. */
const LOOKBACK_MS = 10_000;
const HEARTBEAT_MS = 25_000;
const ACCESS_CHECK_MS = 5_000;

interface Stream {
  readonly tenantId: string;
  readonly memberId: string;
  /** The bearer token (or browser session) the stream was opened with, re-checked while it is open. */
  readonly credential: string;
  /** The workspaces the member may still see: notifications of others are not pushed. */
  workspaces: ReadonlySet<string>;
  /** The newest created_at sent (or the time the stream opened). */
  cursor: number;
  /** Ids sent within the look-back window, so that a notification is sent once. */
  readonly sent: Map<string, number>;
  write(chunk: string): void;
  end(): void;
}

/**
 * Live notifications for the console over Server-Sent Events. Each gateway instance polls PostgreSQL for its
 * connected members (one query per agency per poll), and polls at once when it raised something itself; so a
 * notification raised on any instance reaches a stream on any other within the poll interval.
 */
@ApiTags('notifications')
@Controller('api/notifications/stream')
export class NotificationStreamHttpController implements OnModuleInit, OnModuleDestroy {
  private readonly streams = new Set<Stream>();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private accessCheck: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private pollAgain = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly queries: QueryBus,
    @Inject(NOTIFICATION_SIGNAL) private readonly signal: NotificationSignal,
    @Inject(EDGE_AUTHENTICATOR) private readonly authenticator: EdgeAuthenticator,
    @Optional() @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings | undefined,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.signal.onRaised(() => this.poll());
    this.timer = setInterval(() => this.poll(), this.settings?.pollIntervalMs ?? 1000);
    this.heartbeat = setInterval(() => this.streams.forEach((s) => s.write(': ping\n\n')), HEARTBEAT_MS);
    // A signed-out session, a revoked token or a member removed from the agency's workspaces ends the stream.
    this.accessCheck = setInterval(
      () => void this.recheckAccess(),
      this.settings?.streamAccessCheckMs ?? ACCESS_CHECK_MS,
    );
    this.timer.unref();
    this.heartbeat.unref();
    this.accessCheck.unref();
  }

  /** Before the server closes: open streams would otherwise keep it waiting. */
  onModuleDestroy(): void {
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
    clearInterval(this.accessCheck);
    this.unsubscribe?.();
    for (const stream of this.streams) {
      stream.end();
    }
    this.streams.clear();
  }

  @Get()
  @AuthenticatedEndpoint()
  @ApiOperation({
    summary:
      'Your notifications, live (Server-Sent Events; send Accept: text/event-stream, as EventSource does). ' +
      'Events: `unread` {unreadCount} on connect, then `notification` with the notification as JSON',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An event stream that stays open' })
  @BadRequestDoc()
  async stream(@Req() request: RequestWithMember, @Res() reply: FastifyReply): Promise<void> {
    const accept = request.headers.accept ?? '';
    if (!accept.includes('text/event-stream')) {
      const problem = 'must include text/event-stream (this is a live stream; EventSource sends it)';
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `Invalid header: accept: ${problem}`,
        problems: [{ field: 'accept', problem }],
      });
    }
    const member = memberOf(request);
    const unreadCount = await this.queries.execute(
      new CountUnreadNotificationsQuery(member.tenantId, member.userId),
    );
    const openedAt = Date.now();
    // Already visible now: the console lists them; only what commits from here on is pushed.
    const visible = await this.queries.execute(
      new ListNotificationsSinceQuery(member.tenantId, [member.userId], new Date(openedAt - LOOKBACK_MS)),
    );
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Proxies such as nginx buffer responses unless told not to; a buffered stream is not live.
      'x-accel-buffering': 'no',
    });
    const stream: Stream = {
      tenantId: member.tenantId,
      memberId: member.userId,
      // The guard authenticated this very header (a session cookie arrives here as Bearer too).
      credential: bearerToken(request.headers.authorization) ?? '',
      workspaces: workspacesOf(request.member!),
      cursor: openedAt,
      sent: new Map(visible.map((n) => [n.id, n.createdAt.getTime()])),
      write: (chunk) => {
        if (!raw.writableEnded) {
          raw.write(chunk);
        }
      },
      end: () => raw.end(),
    };
    stream.write(`retry: 3000\n\nevent: unread\ndata: ${JSON.stringify({ unreadCount })}\n\n`);
    this.streams.add(stream);
    raw.on('close', () => this.streams.delete(stream));
  }

  /** Authenticates each stream's credential again; a stream whose member lost every workspace is closed too. */
  private async recheckAccess(): Promise<void> {
    for (const stream of [...this.streams]) {
      const member = await this.authenticator.authenticate(stream.credential).catch(() => undefined);
      if (member === undefined) {
        continue; // the database did not answer: check again next time rather than cut everyone off
      }
      const workspaces = member === null ? new Set<string>() : workspacesOf(member);
      if (member === null || workspaces.size === 0) {
        const reason = member === null ? 'signed-out' : 'no-workspace';
        stream.write(`event: access-ended\ndata: ${JSON.stringify({ reason })}\n\n`);
        this.streams.delete(stream);
        stream.end();
        continue;
      }
      stream.workspaces = workspaces;
    }
  }

  private poll(): void {
    if (this.streams.size === 0) {
      return;
    }
    if (this.polling !== undefined) {
      this.pollAgain = true;
      return;
    }
    this.polling = this.pollOnce()
      .catch(() => undefined) // the next tick retries; a failed poll must not end the streams
      .finally(() => {
        this.polling = undefined;
        if (this.pollAgain) {
          this.pollAgain = false;
          this.poll();
        }
      });
  }

  private async pollOnce(): Promise<void> {
    const byTenant = new Map<string, Stream[]>();
    for (const stream of this.streams) {
      byTenant.set(stream.tenantId, [...(byTenant.get(stream.tenantId) ?? []), stream]);
    }
    for (const [tenantId, streams] of byTenant) {
      const since = Math.min(...streams.map((s) => s.cursor)) - LOOKBACK_MS;
      const found = await this.queries.execute(
        new ListNotificationsSinceQuery(
          tenantId,
          [...new Set(streams.map((s) => s.memberId))],
          new Date(since),
        ),
      );
      for (const stream of streams) {
        const visible = found.filter(
          (x) =>
            x.recipientId === stream.memberId &&
            (x.workspaceId === null || stream.workspaces.has(x.workspaceId)),
        );
        for (const n of visible) {
          const createdAt = n.createdAt.getTime();
          if (stream.sent.has(n.id) || createdAt < stream.cursor - LOOKBACK_MS) {
            continue;
          }
          stream.sent.set(n.id, createdAt);
          stream.cursor = Math.max(stream.cursor, createdAt);
          stream.write(
            `id: ${n.id}\nevent: notification\ndata: ${JSON.stringify(notificationResponse(n))}\n\n`,
          );
        }
        for (const [id, createdAt] of stream.sent) {
          if (createdAt < stream.cursor - 2 * LOOKBACK_MS) {
            stream.sent.delete(id);
          }
        }
      }
    }
  }
}

function workspacesOf(member: AuthenticatedMember): ReadonlySet<string> {
  return new Set(member.workspaces.map((w) => w.workspaceId));
}
