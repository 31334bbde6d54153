import { RetriableError, z } from '@chorus/connector-sdk';
import type { LinkedinApi } from '../api/linkedin-api.js';
import { encodeUrn } from '../api/urn.js';
import { INBOX_ACTIONS, notificationSchema, type LinkedinNotification } from './notification.js';

const PAGE = 50;
/** Pages read in one pull: a window holding more is halved rather than read without end. */
const MAX_PAGES = 20;
const MAX_HALVINGS = 20;
const notificationsPage = z.object({ elements: z.array(notificationSchema.passthrough()) });

/**
 * Every notification in `[since, end)`, where `end` is the newest bound whose window fits in MAX_PAGES pages:
 * the caller's cursor may then advance to `end`, and what lies after it waits for the next pull.
 */
export async function readNotificationWindow(
  api: LinkedinApi,
  org: string,
  since: number,
  until: number,
): Promise<{ notifications: LinkedinNotification[]; end: number; complete: boolean }> {
  let end = until;
  for (let halving = 0; halving <= MAX_HALVINGS; halving += 1) {
    const notifications = await readPages(api, org, since, end);
    if (notifications) {
      return { notifications, end, complete: end === until };
    }
    if (end - since <= 1) {
      break;
    }
    end = since + Math.ceil((end - since) / 2);
  }
  throw new RetriableError(
    `LinkedIn keeps answering full pages of notifications for ${org} from ${new Date(since).toISOString()}; the inbox pull stopped instead of reading without end.`,
    { endpoint: 'notifications.read' },
  );
}

/** The window's notifications, or null when it holds more than MAX_PAGES pages. */
async function readPages(
  api: LinkedinApi,
  org: string,
  since: number,
  end: number,
): Promise<LinkedinNotification[] | null> {
  const notifications: LinkedinNotification[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await api.json(
      {
        operation: 'inbox.pull',
        endpoint: 'notifications.read',
        path:
          `/rest/organizationalEntityNotifications?q=criteria&organizationalEntity=${encodeUrn(org)}` +
          `&actions=List(${Object.keys(INBOX_ACTIONS).join(',')})&timeRange=(start:${since},end:${end})` +
          `&start=${page * PAGE}&count=${PAGE}`,
      },
      (value) => notificationsPage.parse(value),
    );
    notifications.push(...answer.elements);
    if (answer.elements.length < PAGE) {
      return notifications;
    }
  }
  return null;
}
