import { t } from '../i18n/i18n.svelte';

/** What a call that never reached the API (connection lost, server down) answers instead of throwing. */
export interface Unreached {
  readonly data: undefined;
  readonly error: { readonly message: string };
  readonly response: { readonly ok: false; readonly status: 0 };
}

/**
 * A generated client's call whose lost connection (fetch rejects) becomes a refusal saying so: a form's busy
 * flag is always reset, the page says what happened, and what was typed stays in its draft.
 */
export async function reached<R>(call: Promise<R>): Promise<R | Unreached> {
  try {
    return await call;
  } catch {
    return { data: undefined, error: { message: t('strategy.offline') }, response: { ok: false, status: 0 } };
  }
}
