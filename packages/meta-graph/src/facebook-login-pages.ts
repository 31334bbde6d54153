import { InvalidContentError, ReauthRequiredError, z, type ValidationIssue } from '@chorus/connector-sdk';
import type { GraphClient } from './graph-client.js';
import { collectPages, graphPage } from './paging.js';

const permissions = graphPage(z.object({ permission: z.string(), status: z.string() }));
const managedPage = z.object({
  id: z.string(),
  name: z.string(),
  access_token: z.string().min(1),
  tasks: z.array(z.string()).default([]),
  instagram_business_account: z.object({ id: z.string() }).optional(),
});
export type ManagedPage = z.output<typeof managedPage>;
const managedPages = graphPage(managedPage);
const ACCOUNTS_PAGE_SIZE = 100;
const MAX_ACCOUNT_PAGES = 50;
/** The Page task that allows publishing (1.4, 2.1). */
export const PUBLISH_TASK = 'CREATE_CONTENT';

/**
 * The permissions the person granted (`GET /me/permissions`, 1.4: "check after login"); throws reauth-required
 * naming every required one that was declined, so the person connects again and allows it.
 */
export async function requireGrantedPermissions(
  user: GraphClient,
  required: readonly string[],
  refusal: (missing: readonly string[]) => string,
): Promise<string[]> {
  const answer = await user.call(
    { operation: 'auth.exchange', endpoint: 'permissions.read', path: '/me/permissions' },
    permissions,
  );
  const granted = answer.data.filter((item) => item.status === 'granted').map((item) => item.permission);
  const missing = required.filter((scope) => !granted.includes(scope));
  if (missing.length > 0) {
    throw new ReauthRequiredError(refusal(missing));
  }
  return granted;
}

/** Every Page the person manages, over every page of `/me/accounts` (1.4, 1.5), with tasks and linked account. */
export function listManagedPages(user: GraphClient, withInstagram: boolean): Promise<ManagedPage[]> {
  const fields = `id,name,access_token,tasks${withInstagram ? ',instagram_business_account' : ''}`;
  return collectPages(
    (after) =>
      user.call(
        {
          operation: 'auth.exchange',
          endpoint: 'accounts.read',
          path: '/me/accounts',
          query: { fields, limit: ACCOUNTS_PAGE_SIZE, after },
        },
        managedPages,
      ),
    {
      maxPages: MAX_ACCOUNT_PAGES,
      // Choosing among part of the list could connect the wrong Page or refuse the right one as unknown.
      beyondBound: (pages) =>
        new ReauthRequiredError(
          `The person who logged in manages more Pages than Chorus reads (${pages} pages of ${ACCOUNTS_PAGE_SIZE} from /me/accounts); connect again and select only the Pages to connect in the Facebook Login dialog.`,
        ),
    },
  );
}

export interface PageChoice {
  /** The id the connection asked for (an auth parameter), if any. */
  readonly wanted?: string;
  /** Whether a Page is the one asked for (its own id, or its linked Instagram account's). */
  readonly isWanted: (page: ManagedPage, wanted: string) => boolean;
  /** Pages that could be connected at all (Instagram: those with a linked professional account). */
  readonly eligible: (page: ManagedPage) => boolean;
  /** One choice as the person reads it in the refusal. */
  readonly describe: (page: ManagedPage) => string;
  /** The auth parameter that picks one, and the issue's code (`<network>:choose-...`). */
  readonly param: string;
  readonly issueCode: ValidationIssue['code'];
  readonly messages: {
    /** "manages 3 Pages: ... Choose the Page to connect (pageId) ..." */
    readonly several: (count: number, choices: string) => string;
    readonly notFound: (wanted: string) => string;
    readonly none: string;
  };
}

/**
 * The Page to connect among every Page the person manages: the one asked for, or the only one they may publish
 * to (CREATE_CONTENT). With several and none asked for the connection is refused with the list, so an agency
 * never connects one client's account in place of another's; the person picks one and connects again.
 */
export function choosePage(all: readonly ManagedPage[], choice: PageChoice): ManagedPage {
  const { wanted, messages } = choice;
  const eligible = all.filter(choice.eligible);
  const publishable = eligible.filter((item) => item.tasks.includes(PUBLISH_TASK));
  if (!wanted && publishable.length > 1) {
    const message = messages.several(publishable.length, publishable.map(choice.describe).join(', '));
    throw new InvalidContentError(message, [
      { path: ['params', choice.param], code: choice.issueCode, message },
    ]);
  }
  const chosen = wanted ? eligible.find((item) => choice.isWanted(item, wanted)) : publishable[0];
  if (!chosen) {
    throw new ReauthRequiredError(wanted ? messages.notFound(wanted) : messages.none);
  }
  if (!chosen.tasks.includes(PUBLISH_TASK)) {
    throw new ReauthRequiredError(
      `The role on Page ${chosen.name} does not allow publishing (${PUBLISH_TASK} task); ask a Page admin for it.`,
    );
  }
  return chosen;
}
