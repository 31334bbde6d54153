import { session } from '../session/session.svelte';
import { rolesAllow, type StrategyAbility } from './strategy-roles';

/** Whether the member's roles in the current workspace allow it (the API checks again). */
export function may(ability: StrategyAbility): boolean {
  return rolesAllow(session.workspace?.roles ?? [], ability);
}
