import { t } from '../i18n/i18n.svelte';

/** What a page says when a read failed: no connection, the roles do not allow it, or something else. */
export function loadProblem(status: number): string {
  if (status === 0) {
    return t('strategy.offline');
  }
  return status === 403 ? t('common.forbidden') : t('common.failed', { status });
}
