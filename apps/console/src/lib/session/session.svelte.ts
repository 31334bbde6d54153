import type { GatewayPaths } from '@chorus/api-client';

export type Me = GatewayPaths['/api/me']['get']['responses'][200]['content']['application/json'];

const WORKSPACE_KEY = 'chorus.workspace';

/** Who is signed in, which workspace they act in, and whether the session ended under them. */
class Session {
  me = $state<Me | null>(null);
  /** Set when an API call answers 401 while signed in: the layout asks to sign in again, keeping the page. */
  expired = $state(false);
  #workspaceId = $state<string | null>(globalThis.localStorage?.getItem(WORKSPACE_KEY) ?? null);

  get workspaceId(): string | null {
    const workspaces = this.me?.workspaces ?? [];
    if (workspaces.some((w) => w.id === this.#workspaceId)) {
      return this.#workspaceId;
    }
    return workspaces[0]?.id ?? null;
  }

  get workspace(): Me['workspaces'][number] | null {
    return this.me?.workspaces.find((w) => w.id === this.workspaceId) ?? null;
  }

  chooseWorkspace(id: string): void {
    this.#workspaceId = id;
    globalThis.localStorage?.setItem(WORKSPACE_KEY, id);
  }

  signedIn(me: Me): void {
    this.me = me;
    this.expired = false;
  }

  signedOut(): void {
    this.me = null;
    this.expired = false;
  }
}

export const session = new Session();
