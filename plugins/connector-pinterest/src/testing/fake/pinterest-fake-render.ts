import type { BoardRecord, PinRecord, PinterestFakeState } from './pinterest-fake-state.js';

export function renderBoard(board: BoardRecord) {
  return {
    id: board.id,
    name: board.name,
    description: board.description,
    privacy: board.privacy,
  };
}

export function renderPin(state: PinterestFakeState, pin: PinRecord, withMetrics = false) {
  const owner = state.users.get(pin.ownerId);
  return {
    id: pin.id,
    created_at: pin.createdAt,
    link: pin.link,
    title: pin.title,
    description: pin.description,
    alt_text: pin.altText,
    board_id: pin.boardId,
    board_section_id: pin.boardSectionId,
    board_owner: { username: owner?.username ?? null },
    media: { media_type: pin.mediaType },
    ...(withMetrics
      ? {
          pin_metrics: {
            '90d': { pin_click: pin.counters.pinClicks, impression: pin.counters.impressions },
            lifetime_metrics: { reaction: pin.counters.reactions, comment: pin.counters.comments },
          },
        }
      : {}),
  };
}
