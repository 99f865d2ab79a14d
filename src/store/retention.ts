import type { BackgroundJob } from '../background-jobs';
import type { Logger } from '../log';
import type { SqlExecutor } from './sql-executor';

/**
 * Housekeeping of short-lived records that have served their purpose: one-time operation ids of cards
 * (password resets, restores) past their expiry, provisioning watches that ended, and ticket forms and
 * notes (`submissions/…` in bot_state) untouched since. The audit log and approval requests are records
 * and are never purged here.
 */
export interface PurgedCounts {
  oneTimeOperations: number;
  provisioningWatches: number;
  submissions: number;
}

export interface Retention {
  /** Deletes what ended (or expired, or was last touched) before `cutoff`. */
  purge(cutoff: Date): Promise<PurgedCounts>;
}

export function createRetention(db: SqlExecutor): Retention {
  const deleted = async (sql: string, cutoff: Date) => (await db.query(sql, [cutoff])).rowCount;
  return {
    async purge(cutoff) {
      return {
        // Past its expiry an operation can no longer be claimed: the card's button answers "out of date".
        oneTimeOperations: await deleted('DELETE FROM one_time_operations WHERE expires_at < $1', cutoff),
        provisioningWatches: await deleted(
          `DELETE FROM provisioning_watches
            WHERE status <> 'watching' AND COALESCE(completed_at, expires_at) < $1`,
          cutoff,
        ),
        submissions: await deleted(
          "DELETE FROM bot_state WHERE key LIKE 'submissions/%' AND updated_at < $1",
          cutoff,
        ),
      };
    },
  };
}

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;

/** The hourly housekeeping job (also run at start): purges what ended more than `keepDays` ago. */
export function retentionJob(
  retention: Retention,
  keepDays: number,
  logger: Logger,
  now: () => Date = () => new Date(),
): BackgroundJob {
  return {
    name: 'store-retention',
    intervalMs: HOUR_MS,
    runAtStart: true,
    run: async () => {
      const purged = await retention.purge(new Date(now().getTime() - keepDays * DAY_MS));
      if (Object.values(purged).some((count) => count > 0))
        logger.info({ purged, keepDays }, 'store: purged');
    },
  };
}
