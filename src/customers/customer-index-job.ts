import type { BackgroundJob } from '../background-jobs';
import type { CustomerIndex } from './customer-index';

/**
 * Keeps the customer index fresh: at start it serves the last persisted refresh at once, then pages
 * Partner Center again whenever the last refresh is older than the refresh interval (checked every few
 * minutes, so a failed refresh is retried soon).
 */

export const INDEX_CHECK_INTERVAL_MS = 5 * 60_000;

export function customerIndexJob(
  index: CustomerIndex,
  refreshIntervalMs: number,
  now: () => Date = () => new Date(),
): BackgroundJob {
  return {
    name: 'customer-index',
    intervalMs: Math.min(refreshIntervalMs, INDEX_CHECK_INTERVAL_MS),
    runAtStart: true,
    async run() {
      await index.loadFromStore();
      const last = index.lastRefreshedAt();
      if (!last || now().getTime() - last.getTime() >= refreshIntervalMs) await index.refresh();
    },
  };
}
