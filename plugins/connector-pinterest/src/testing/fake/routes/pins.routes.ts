import { fail, stringField, type Exchange } from '../pinterest-fake-http.js';
import { renderPin } from '../pinterest-fake-render.js';
import type { Route, RouteDeps } from '../pinterest-fake-routing.js';
import { noCounters, type PinRecord } from '../pinterest-fake-state.js';
import { checkMediaSource, textProblem } from '../pin-validation.js';

const ID = /^\d+$/u;
const nullableString = (body: Record<string, unknown>, key: string) => stringField(body, key) ?? null;

/** `POST/GET/PATCH/DELETE /v5/pins` (9.2): 201 on create, 204 on delete, `{code, message}` refusals. */
export function pinsRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;

  /** The board the request names, when the user owns it; otherwise the refusal has been sent. */
  const ownBoard = (exchange: Exchange, boardId: unknown) => {
    if (typeof boardId !== 'string' || !ID.test(boardId)) {
      fail(exchange, 400, `board_id: '${String(boardId)}' does not match '^\\d+$'.`);
      return undefined;
    }
    const board = state.boards.get(boardId);
    if (!board) {
      fail(exchange, 404, 'Board not found.');
      return undefined;
    }
    if (board.ownerId !== exchange.user?.id) {
      fail(exchange, 403, 'You do not have access to this board.');
      return undefined;
    }
    return board;
  };

  const livePin = (exchange: Exchange, id: string) => {
    const pin = state.pins.get(id);
    if (!pin || pin.deleted) {
      fail(exchange, 404, 'Pin not found.');
      return undefined;
    }
    return pin;
  };

  return [
    {
      method: 'POST',
      path: /^\/v5\/pins$/u,
      auth: 'user',
      category: 'org_write',
      scopes: ['pins:write', 'boards:read'],
      handle(exchange) {
        const { body } = exchange;
        const board = ownBoard(exchange, body.board_id);
        if (!board) {
          return;
        }
        const sectionId = stringField(body, 'board_section_id');
        if (sectionId && !board.sections.some((section) => section.id === sectionId)) {
          return fail(exchange, 404, 'Board section not found.');
        }
        const problem = textProblem(body);
        if (problem) {
          return fail(exchange, 400, problem);
        }
        const media = checkMediaSource(body.media_source, (id) => {
          const record = state.media.get(id);
          return record?.ownerId === exchange.user?.id ? record : undefined;
        });
        if (!media.ok) {
          return fail(exchange, 400, media.message);
        }
        const pin: PinRecord = {
          id: state.nextId(),
          boardId: board.id,
          boardSectionId: sectionId ?? null,
          ownerId: exchange.user!.id,
          title: nullableString(body, 'title'),
          description: nullableString(body, 'description'),
          link: nullableString(body, 'link'),
          altText: nullableString(body, 'alt_text'),
          mediaType: media.mediaType,
          mediaSource: media.stored,
          createdAt: new Date().toISOString(),
          deleted: false,
          counters: noCounters(),
        };
        state.pins.set(pin.id, pin);
        state.published.push(pin);
        exchange.send(201, renderPin(state, pin));
      },
    },
    {
      method: 'GET',
      path: /^\/v5\/pins\/([^/]+)$/u,
      auth: 'user',
      category: 'org_read',
      scopes: ['pins:read'],
      handle(exchange, [id]) {
        const pin = livePin(exchange, id!);
        if (pin) {
          exchange.send(200, renderPin(state, pin, exchange.url.searchParams.get('pin_metrics') === 'true'));
        }
      },
    },
    {
      method: 'PATCH',
      path: /^\/v5\/pins\/([^/]+)$/u,
      auth: 'user',
      category: 'org_write',
      scopes: ['pins:write'],
      handle(exchange, [id]) {
        const pin = livePin(exchange, id!);
        if (!pin) {
          return;
        }
        if (pin.ownerId !== exchange.user?.id) {
          return fail(exchange, 403, 'You do not have access to this pin.');
        }
        const problem = textProblem(exchange.body);
        if (problem) {
          return fail(exchange, 400, problem);
        }
        if (exchange.body.board_id !== undefined) {
          const board = ownBoard(exchange, exchange.body.board_id);
          if (!board) {
            return;
          }
          pin.boardId = board.id;
        }
        for (const [field, key] of [
          ['title', 'title'],
          ['description', 'description'],
          ['link', 'link'],
          ['alt_text', 'altText'],
        ] as const) {
          if (field in exchange.body) {
            pin[key] = nullableString(exchange.body, field);
          }
        }
        exchange.send(200, renderPin(state, pin));
      },
    },
    {
      method: 'DELETE',
      path: /^\/v5\/pins\/([^/]+)$/u,
      auth: 'user',
      category: 'org_write',
      scopes: ['pins:write'],
      handle(exchange, [id]) {
        const pin = livePin(exchange, id!);
        if (!pin) {
          return;
        }
        if (pin.ownerId !== exchange.user?.id) {
          return fail(exchange, 403, 'You do not have access to this pin.');
        }
        pin.deleted = true;
        exchange.send(204);
      },
    },
  ];
}
