/**
 * Form input kept in sessionStorage as it is typed, so an expired session, a lost connection or a reload
 * loses nothing: the form comes back as it was until it is sent successfully (then `clear()`).
 * Secrets (passwords) are never put in a draft.
 */
export function draft<T extends Record<string, unknown>>(
  key: string,
  initial: T,
): { values: T; clear(): void } {
  const storageKey = `chorus.draft.${key}`;
  const values = $state<T>({ ...initial, ...restoredDraft<T>(storageKey) });
  $effect(() => {
    globalThis.sessionStorage?.setItem(storageKey, JSON.stringify(values));
  });
  return {
    values,
    clear() {
      globalThis.sessionStorage?.removeItem(storageKey);
      Object.assign(values, initial);
    },
  };
}

function restoredDraft<T>(storageKey: string): Partial<T> {
  try {
    return JSON.parse(globalThis.sessionStorage?.getItem(storageKey) ?? '{}') as Partial<T>;
  } catch {
    return {}; // a draft from an older version of the form: start afresh
  }
}
