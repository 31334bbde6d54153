import type { ContentPaths } from '@chorus/api-client';
import { api } from '../api/api';

type Pause = ContentPaths['/publishing/pause']['get']['responses'][200]['content']['application/json'];

const state = $state<{ current: Pause | null }>({ current: null });

/**
 * Whether publishing is paused in the workspace: read by the publishing page and the header's banner, so the
 * team sees a pause on every page. Refreshed on each page change and after pausing or resuming.
 */
export const publishingPause = {
  get current(): Pause | null {
    return state.current;
  },
  /** Reads the pause again; answers the HTTP status when that failed (null: read). */
  async refresh(): Promise<number | null> {
    const { data, response } = await api.content.GET('/publishing/pause');
    state.current = data ?? null;
    return data === undefined ? response.status : null;
  },
};
