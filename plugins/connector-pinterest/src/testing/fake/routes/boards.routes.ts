import { fail, stringField, type Exchange } from '../pinterest-fake-http.js';
import { sendPage } from '../pinterest-fake-pagination.js';
import { renderBoard, renderPin } from '../pinterest-fake-render.js';
import type { Route, RouteDeps } from '../pinterest-fake-routing.js';
import type { BoardRecord } from '../pinterest-fake-state.js';

const PRIVACY = new Set(['PUBLIC', 'PROTECTED', 'SECRET']);

/** Boards, their sections and their pins (9.2), paginated with `bookmark` (9.6). */
export function boardsRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;

  const ownBoard = (exchange: Exchange, id: string) => {
    const board = state.boards.get(id);
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

  return [
    {
      method: 'GET',
      path: /^\/v5\/boards$/u,
      auth: 'user',
      category: 'org_read',
      scopes: ['boards:read'],
      handle(exchange) {
        const mine = [...state.boards.values()].filter((board) => board.ownerId === exchange.user?.id);
        sendPage(exchange, mine, renderBoard);
      },
    },
    {
      method: 'POST',
      path: /^\/v5\/boards$/u,
      auth: 'user',
      category: 'org_write',
      scopes: ['boards:write'],
      handle(exchange) {
        const name = stringField(exchange.body, 'name');
        const privacy = stringField(exchange.body, 'privacy') ?? 'PUBLIC';
        if (!name || name.length > 180) {
          return fail(exchange, 400, 'name: required, at most 180 characters.');
        }
        if (!PRIVACY.has(privacy)) {
          return fail(exchange, 400, 'privacy: must be one of PUBLIC, PROTECTED, SECRET.');
        }
        if (
          [...state.boards.values()].some(
            (board) => board.ownerId === exchange.user!.id && board.name === name,
          )
        ) {
          return fail(exchange, 409, `You already have a board named "${name}".`);
        }
        const board = state.createBoard(exchange.user!, name, privacy as BoardRecord['privacy']);
        board.description = stringField(exchange.body, 'description') ?? '';
        exchange.send(201, renderBoard(board));
      },
    },
    {
      method: 'GET',
      path: /^\/v5\/boards\/([^/]+)\/sections$/u,
      auth: 'user',
      category: 'org_read',
      scopes: ['boards:read'],
      handle(exchange, [id]) {
        const board = ownBoard(exchange, id!);
        if (board) {
          sendPage(exchange, board.sections, (section) => section);
        }
      },
    },
    {
      method: 'POST',
      path: /^\/v5\/boards\/([^/]+)\/sections$/u,
      auth: 'user',
      category: 'org_write',
      scopes: ['boards:write'],
      handle(exchange, [id]) {
        const board = ownBoard(exchange, id!);
        const name = stringField(exchange.body, 'name');
        if (!board) {
          return;
        }
        if (!name) {
          return fail(exchange, 400, 'name: required.');
        }
        const section = { id: state.nextId(), name };
        board.sections.push(section);
        exchange.send(201, section);
      },
    },
    {
      method: 'GET',
      path: /^\/v5\/boards\/([^/]+)\/pins$/u,
      auth: 'user',
      category: 'org_read',
      scopes: ['boards:read', 'pins:read'],
      handle(exchange, [id]) {
        const board = ownBoard(exchange, id!);
        if (!board) {
          return;
        }
        // Newest first, as a board shows them.
        const pins = state
          .livePins()
          .filter((pin) => pin.boardId === board.id)
          .reverse();
        sendPage(exchange, pins, (pin) => renderPin(state, pin));
      },
    },
  ];
}
