import { InvalidContentError, type Credentials, type PostInput } from '@chorus/connector-sdk';
import { board, page, type Board } from '../api/pinterest-schemas.js';
import type { PinterestDeps } from '../pinterest-deps.js';

const PAGE_SIZE = 250;
const MAX_PAGES = 20;

/** Every board of the account, following the bookmark until Pinterest answers null (9.6). */
export async function listBoards(deps: PinterestDeps, credentials: Credentials): Promise<Board[]> {
  const boards: Board[] = [];
  let bookmark: string | undefined;
  for (let count = 0; count < MAX_PAGES; count += 1) {
    const answer = await deps.api.call(
      {
        operation: 'publish',
        write: false,
        endpoint: 'boards.list',
        path: '/v5/boards',
        query: { page_size: String(PAGE_SIZE), bookmark },
        token: credentials.accessToken,
      },
      page(board),
    );
    boards.push(...answer.items);
    if (!answer.bookmark) {
      break;
    }
    bookmark = answer.bookmark;
  }
  return boards;
}

/**
 * The board a post goes to: its own `boardId` setting, else the configured default, else the account's only
 * board. With several boards and no choice, the error lists them so a person can pick one.
 */
export async function chooseBoard(
  deps: PinterestDeps,
  credentials: Credentials,
  post: PostInput,
): Promise<string> {
  const chosen = post.settings?.boardId;
  if (typeof chosen === 'string' && chosen !== '') {
    return chosen;
  }
  if (deps.config.defaultBoardId) {
    return deps.config.defaultBoardId;
  }
  const boards = await listBoards(deps, credentials);
  if (boards.length === 1) {
    return boards[0]!.id;
  }
  const names = boards
    .slice(0, 10)
    .map((item) => `"${item.name}" (${item.id})`)
    .join(', ');
  const message =
    boards.length === 0
      ? 'The Pinterest account has no board to pin to. Create a board on Pinterest first.'
      : `Choose the board to pin to (setting boardId), one of: ${names}${boards.length > 10 ? ', …' : ''}.`;
  throw new InvalidContentError(message, [
    { path: ['settings', 'boardId'], code: 'pinterest:board-required', message },
  ]);
}
