import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from './sql-executor';

/**
 * "Notify me when ready" watches of a subscription's provisioning status (table `provisioning_watches`).
 * Watches outlive the bot process. Whoever checks a watch first claims it (claimed_by, claimed_at) in one
 * conditional update; only the holder of the current claim may reschedule or end it, and ending it is one
 * conditional update too. Of two bot instances sharing a database, exactly one ends a watch, and only the
 * one that ended it sends the notification.
 */

export type ProvisioningWatchStatus = 'watching' | 'notified' | 'gave_up';

export interface NewProvisioningWatch {
  /** Entra object id of the agent who asked. */
  requesterId: string;
  requesterName?: string;
  /** Where to send the notification: the conversation the agent asked in, as storable JSON. */
  conversationReference: Record<string, unknown>;
  /** The requester's language, for the notification text. */
  locale: string;
  /** The requester's IANA time zone; absent for watches started before it was kept (read as UTC). */
  timeZone?: string;
  customerId: string;
  customerName?: string;
  subscriptionId: string;
  subscriptionName?: string;
  createdAt: Date;
  /** After this, the watch gives up and says so. */
  expiresAt: Date;
  nextCheckAt: Date;
}

export interface ProvisioningWatch extends NewProvisioningWatch {
  /** Opaque id. */
  id: string;
  status: ProvisioningWatchStatus;
  /** How often the status was read. */
  checks: number;
  lastCheckedAt?: Date;
  /** The provisioning status that ended the watch (success, failed …). */
  finalStatus?: string;
  claimedBy?: string;
  claimedAt?: Date;
  completedAt?: Date;
}

/** A watch as returned by `claimDue`: claimed by the caller at `claimedAt`. */
export type ClaimedWatch = ProvisioningWatch & { claimedBy: string; claimedAt: Date };

export interface WatchEnd {
  status: Exclude<ProvisioningWatchStatus, 'watching'>;
  finalStatus?: string;
}

export interface ProvisioningWatches {
  /**
   * Starts a watch, unless the requester already watches that subscription: then that watch is returned
   * with `started: false` (a repeated click changes nothing).
   */
  start(watch: NewProvisioningWatch): Promise<{ started: boolean; watch: ProvisioningWatch }>;
  find(id: string): Promise<ProvisioningWatch | undefined>;
  /** Ids (lower case) of the customer's subscriptions the requester is watching now. */
  watchedBy(requesterId: string, customerId: string): Promise<Set<string>>;
  /**
   * Claims up to `limit` watches that are due at `now` and that nobody claimed within the last `leaseMs`
   * (a claim older than that belongs to an instance that stopped mid-check). Concurrent callers get
   * disjoint watches.
   */
  claimDue(claimant: string, now: Date, leaseMs: number, limit: number): Promise<ClaimedWatch[]>;
  /** Still pending: releases the claim and sets the next check. False when the claim was lost meanwhile. */
  reschedule(watch: ClaimedWatch, nextCheckAt: Date, checkedAt: Date): Promise<boolean>;
  /** Ends the watch if the caller still holds its claim. True only for the one caller that ended it. */
  finish(watch: ClaimedWatch, end: WatchEnd, now: Date): Promise<boolean>;
}

interface WatchRow {
  id: string;
  requester_id: string;
  requester_name: string | null;
  conversation_reference: Record<string, unknown>;
  locale: string;
  time_zone: string | null;
  customer_id: string;
  customer_name: string | null;
  subscription_id: string;
  subscription_name: string | null;
  created_at: Date;
  expires_at: Date;
  next_check_at: Date;
  checks: number;
  last_checked_at: Date | null;
  status: ProvisioningWatchStatus;
  final_status: string | null;
  claimed_by: string | null;
  claimed_at: Date | null;
  completed_at: Date | null;
}

const columns = `id, requester_id, requester_name, conversation_reference, locale, time_zone, customer_id,
  customer_name, subscription_id, subscription_name, created_at, expires_at, next_check_at, checks,
  last_checked_at, status, final_status, claimed_by, claimed_at, completed_at`;

function toWatch(row: WatchRow): ProvisioningWatch {
  return {
    id: row.id,
    requesterId: row.requester_id,
    ...(row.requester_name !== null && { requesterName: row.requester_name }),
    conversationReference: row.conversation_reference,
    locale: row.locale,
    ...(row.time_zone !== null && { timeZone: row.time_zone }),
    customerId: row.customer_id,
    ...(row.customer_name !== null && { customerName: row.customer_name }),
    subscriptionId: row.subscription_id,
    ...(row.subscription_name !== null && { subscriptionName: row.subscription_name }),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    nextCheckAt: row.next_check_at,
    checks: row.checks,
    ...(row.last_checked_at !== null && { lastCheckedAt: row.last_checked_at }),
    status: row.status,
    ...(row.final_status !== null && { finalStatus: row.final_status }),
    ...(row.claimed_by !== null && { claimedBy: row.claimed_by }),
    ...(row.claimed_at !== null && { claimedAt: row.claimed_at }),
    ...(row.completed_at !== null && { completedAt: row.completed_at }),
  };
}

/** Partner Center compares ids case-insensitively; the table keeps them lower case so the unique index does too. */
const idKey = (id: string) => id.toLowerCase();

export function createProvisioningWatches(db: SqlExecutor): ProvisioningWatches {
  const find = async (id: string): Promise<ProvisioningWatch | undefined> => {
    const { rows } = await db.query<WatchRow>(`SELECT ${columns} FROM provisioning_watches WHERE id = $1`, [
      id,
    ]);
    return rows[0] && toWatch(rows[0]);
  };

  return {
    async start(watch) {
      const { rows } = await db.query<WatchRow>(
        `INSERT INTO provisioning_watches (id, requester_id, requester_name, conversation_reference, locale,
           customer_id, customer_name, subscription_id, subscription_name, created_at, expires_at, next_check_at,
           time_zone)
         VALUES ($1, $2, $3, $4::text::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (requester_id, customer_id, subscription_id) WHERE status = 'watching' DO NOTHING
         RETURNING ${columns}`,
        [
          randomUUID(),
          watch.requesterId,
          watch.requesterName ?? null,
          JSON.stringify(watch.conversationReference),
          watch.locale,
          idKey(watch.customerId),
          watch.customerName ?? null,
          idKey(watch.subscriptionId),
          watch.subscriptionName ?? null,
          watch.createdAt,
          watch.expiresAt,
          watch.nextCheckAt,
          watch.timeZone ?? null,
        ],
      );
      if (rows[0]) return { started: true, watch: toWatch(rows[0]) };
      const existing = await db.query<WatchRow>(
        `SELECT ${columns} FROM provisioning_watches
         WHERE requester_id = $1 AND customer_id = $2 AND subscription_id = $3 AND status = 'watching'`,
        [watch.requesterId, idKey(watch.customerId), idKey(watch.subscriptionId)],
      );
      // The running watch may have ended between the two statements: then start a fresh one.
      return existing.rows[0] ? { started: false, watch: toWatch(existing.rows[0]) } : this.start(watch);
    },

    find,

    async watchedBy(requesterId, customerId) {
      const { rows } = await db.query<{ subscription_id: string }>(
        `SELECT subscription_id FROM provisioning_watches
         WHERE requester_id = $1 AND customer_id = $2 AND status = 'watching'`,
        [requesterId, idKey(customerId)],
      );
      return new Set(rows.map((row) => row.subscription_id));
    },

    async claimDue(claimant, now, leaseMs, limit) {
      const staleBefore = new Date(now.getTime() - leaseMs);
      // SKIP LOCKED hands concurrent claimers disjoint rows; the outer WHERE re-checks the newest row version.
      const { rows } = await db.query<WatchRow>(
        `UPDATE provisioning_watches SET claimed_by = $1, claimed_at = $2
         WHERE id IN (
             SELECT id FROM provisioning_watches
             WHERE status = 'watching' AND next_check_at <= $2 AND (claimed_at IS NULL OR claimed_at <= $3)
             ORDER BY next_check_at
             LIMIT $4
             FOR UPDATE SKIP LOCKED)
           AND status = 'watching' AND (claimed_at IS NULL OR claimed_at <= $3)
         RETURNING ${columns}`,
        [claimant, now, staleBefore, limit],
      );
      return rows.map((row) => toWatch(row) as ClaimedWatch);
    },

    async reschedule(watch, nextCheckAt, checkedAt) {
      const { rowCount } = await db.query(
        `UPDATE provisioning_watches
           SET claimed_by = NULL, claimed_at = NULL, next_check_at = $4, checks = checks + 1, last_checked_at = $5
         WHERE id = $1 AND status = 'watching' AND claimed_by = $2 AND claimed_at = $3`,
        [watch.id, watch.claimedBy, watch.claimedAt, nextCheckAt, checkedAt],
      );
      return rowCount === 1;
    },

    async finish(watch, end, now) {
      // One conditional statement (its own transaction): the row lock makes a concurrent finisher re-read the
      // row, see it no longer 'watching' under its claim, and change nothing.
      const { rowCount } = await db.query(
        `UPDATE provisioning_watches
           SET status = $4, final_status = $5, completed_at = $6, checks = checks + 1, last_checked_at = $6
         WHERE id = $1 AND status = 'watching' AND claimed_by = $2 AND claimed_at = $3`,
        [watch.id, watch.claimedBy, watch.claimedAt, end.status, end.finalStatus ?? null, now],
      );
      return rowCount === 1;
    },
  };
}
