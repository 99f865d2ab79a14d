import { randomUUID } from 'node:crypto';
import type { PartnerCenter } from '../api/partner-center';
import type { BackgroundJob } from '../background-jobs';
import { errorCodeOf } from '../errors';
import type { Logger } from '../log';
import type { ClaimedWatch, ProvisioningWatch, ProvisioningWatches } from '../store/provisioning-watches';
import type { AuditLog } from '../store/store';
import { mapLimited } from './map-limited';
import { isStillPending } from './subscription-provisioning';

/**
 * The background job behind "Notify me when ready": every poll it claims the watches that are due, reads
 * each one's provisioning status, and either checks again later, or ends the watch and has the requester
 * notified once, when provisioning left `pending` or when the watch has waited long enough.
 *
 * Ending a watch is a conditional update that only the holder of the watch's current claim can make, and
 * the notification is sent only by the one that made it: two bot instances sharing the database never
 * notify twice. (If sending then fails, the notification is lost rather than repeated; it is logged.)
 */
export type WatchEnding = { kind: 'ready'; status: string } | { kind: 'gaveUp' };

export interface ProvisioningWatchJobOptions {
  watches: ProvisioningWatches;
  partnerCenter: PartnerCenter;
  /** Sends the requester the news (proactively, into the stored conversation). */
  notify(watch: ProvisioningWatch, ending: WatchEnding): Promise<void>;
  /** Every notification (sent or failed) is audited on the requester's behalf. */
  audit: AuditLog;
  /** Names this bot instance in claims. */
  instanceId: string;
  pollIntervalMs: number;
  /** Status reads in flight at once. */
  concurrency: number;
  logger: Logger;
  now?: () => Date;
  /** Watches claimed per run. Default 50. */
  batchSize?: number;
  /** A claim older than this belongs to an instance that stopped mid-check. Default 2 minutes. */
  leaseMs?: number;
}

export const WATCH_JOB_NAME = 'provisioning-watches';

export function provisioningWatchJob(options: ProvisioningWatchJobOptions): BackgroundJob {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 2 * 60_000;
  const log = options.logger;

  const end = async (watch: ClaimedWatch, ending: WatchEnding, at: Date, correlationId: string) => {
    const won = await options.watches.finish(
      watch,
      ending.kind === 'ready' ? { status: 'notified', finalStatus: ending.status } : { status: 'gave_up' },
      at,
    );
    if (!won) {
      log.info({ watchId: watch.id }, 'provisioning watch: ended by another instance');
      return;
    }
    let sent = true;
    try {
      await options.notify(watch, ending);
      log.info(
        { watchId: watch.id, ending: ending.kind, checks: watch.checks + 1 },
        'provisioning watch: notified',
      );
    } catch (error) {
      sent = false;
      log.error({ watchId: watch.id, correlationId, err: error }, 'provisioning watch: notification failed');
    }
    await options.audit.append({
      actorId: watch.requesterId,
      actorName: watch.requesterName,
      roles: [],
      action: 'provisioning.watch.notify',
      outcome: sent ? 'succeeded' : 'failed',
      customerId: watch.customerId,
      subscriptionId: watch.subscriptionId,
      correlationId,
      details: {
        watchId: watch.id,
        ending: ending.kind,
        ...(ending.kind === 'ready' && { status: ending.status }),
      },
    });
  };

  const check = async (watch: ClaimedWatch, at: Date) => {
    const ctx = { correlationId: randomUUID(), locale: watch.locale };
    let status: string | undefined;
    try {
      status = (
        await options.partnerCenter.getProvisioningStatus(ctx, watch.customerId, watch.subscriptionId)
      ).status;
    } catch (error) {
      // Read again at the next poll; a watch that never gets an answer gives up in time.
      log.warn(
        { watchId: watch.id, correlationId: ctx.correlationId, code: errorCodeOf(error) },
        'provisioning watch: status not read',
      );
    }
    if (status !== undefined && !isStillPending(status))
      return end(watch, { kind: 'ready', status }, at, ctx.correlationId);
    if (at >= watch.expiresAt) return end(watch, { kind: 'gaveUp' }, at, ctx.correlationId);
    const next = new Date(Math.min(at.getTime() + options.pollIntervalMs, watch.expiresAt.getTime()));
    if (!(await options.watches.reschedule(watch, next, at))) {
      log.info({ watchId: watch.id }, 'provisioning watch: taken over by another instance');
    }
  };

  return {
    name: WATCH_JOB_NAME,
    // Due times fall between polls: look for due watches at least every minute (a cheap indexed query).
    intervalMs: Math.min(options.pollIntervalMs, 60_000),
    async run() {
      const at = now();
      const due = await options.watches.claimDue(options.instanceId, at, leaseMs, batchSize);
      await mapLimited(due, options.concurrency, (watch) => check(watch, at));
    },
  };
}
