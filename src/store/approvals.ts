import { randomUUID } from 'node:crypto';
import type { SqlExecutor, SqlQueryable } from './sql-executor';

/**
 * The approval requests (one table for every kind: suspension, reactivation, privileged password reset),
 * the approvals channel setting, and the Teams ids of the approvers the bot has met (for card refresh).
 * Every state change is one conditional UPDATE (`WHERE status = ANY(from)`), so of two concurrent deciders
 * on any number of bot instances exactly one moves a request; several steps run in one transaction.
 */

export const approvalStatuses = [
  'pending',
  'approved',
  'executing',
  'done',
  'failed',
  'rejected',
  'cancelled',
  'expired',
] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

/** Short, non-secret facts shown on the card (company name, offer, UPN) or kept as a result. Never a password. */
export type ApprovalFacts = Record<string, string | number | boolean>;

/** A conversation reference as stored JSON (only the bot layer knows it is botbuilder's). */
export type StoredReference = Record<string, unknown>;

export interface ApprovalParty {
  /** Entra object id. */
  id: string;
  name?: string;
}

/** Where a card of the request was posted, and whose view it shows to people the refresh does not reach. */
export interface ApprovalCardLocation {
  conversation: StoredReference;
  activityId: string;
  audience: 'approvers' | 'requester';
}

export interface NewApprovalRequest {
  /** The approval kind, e.g. 'subscription.suspend'. */
  kind: string;
  requester: ApprovalParty & {
    /** The requester's Teams user id (MRI), for the card's refresh list. */
    teamsUserId?: string;
  };
  /** Where the requester asked: the outcome message goes there. */
  requesterConversation: StoredReference;
  locale: string;
  /** The requester's IANA time zone; absent for requests made before it was kept (read as UTC). */
  timeZone?: string;
  customerId: string;
  subscriptionId?: string;
  targetUserId?: string;
  /** The target's ETag when the request was made: the change is sent with If-Match set to it. */
  etag?: string;
  reason: string;
  facts: ApprovalFacts;
  createdAt: Date;
  expiresAt: Date;
}

export interface ApprovalRequest extends NewApprovalRequest {
  id: string;
  status: ApprovalStatus;
  /** Who approved, rejected or cancelled, when, and the optional comment. */
  decidedBy?: ApprovalParty;
  decidedAt?: Date;
  comment?: string;
  /** When execution started and when the request reached done, failed or expired. */
  startedAt?: Date;
  completedAt?: Date;
  /** Catalog code of the failure (failed only). */
  errorCode?: string;
  result?: ApprovalFacts;
  cards: ApprovalCardLocation[];
}

/** One step of the state machine, applied only if the request is in one of `from`. */
export interface ApprovalStep {
  from: readonly ApprovalStatus[];
  to: ApprovalStatus;
  decidedBy?: ApprovalParty;
  comment?: string;
  errorCode?: string;
  result?: ApprovalFacts;
}

export interface StepGuard {
  /** Apply only while the request has not expired at this time. */
  unexpiredAt?: Date;
  /** Apply only if this Entra object id is not the requester's (no self-approval, whatever the caller says). */
  notRequester?: string;
}

export type StepResult =
  | { applied: true; request: ApprovalRequest }
  | { applied: false; request?: ApprovalRequest };

export type CreateResult =
  | { created: true; request: ApprovalRequest }
  /** A request of the same kind for the same target is already open (pending or being carried out). */
  | { created: false; existing: ApprovalRequest };

export interface ApprovalsChannel {
  conversation: StoredReference;
  /** A readable name of the channel or chat, when Teams told us. */
  name?: string;
  setBy: ApprovalParty;
  setAt: Date;
}

export interface ApprovalRepository {
  create(request: NewApprovalRequest): Promise<CreateResult>;
  find(id: string): Promise<ApprovalRequest | undefined>;
  /** Open requests (pending), oldest first; only the requester's own when `requesterId` is set. */
  listPending(options?: { requesterId?: string; limit?: number }): Promise<ApprovalRequest[]>;
  /**
   * Applies the steps in order, in one transaction, each as a conditional update; if any step does not
   * apply, nothing changes and the request is returned as it stands.
   */
  advance(id: string, steps: readonly ApprovalStep[], now: Date, guard?: StepGuard): Promise<StepResult>;
  /** pending → expired for every request whose expiry has passed; returns those it changed. */
  expireDue(now: Date): Promise<ApprovalRequest[]>;
  /** Requests still `executing` that started before `startedBefore` (their process stopped mid-way). */
  listExecutingSince(startedBefore: Date): Promise<ApprovalRequest[]>;
  addCard(id: string, card: ApprovalCardLocation): Promise<void>;

  approvalsChannel(): Promise<ApprovalsChannel | undefined>;
  setApprovalsChannel(channel: ApprovalsChannel): Promise<void>;

  /** Records the Teams user id of someone allowed to decide (for the cards' refresh list). */
  rememberApprover(approver: ApprovalParty & { teamsUserId: string }, now: Date): Promise<void>;
  /** Teams user ids of the approvers most recently seen. */
  approverTeamsUserIds(limit: number): Promise<string[]>;
}

interface RequestRow {
  id: string;
  kind: string;
  status: ApprovalStatus;
  requester_id: string;
  requester_name: string | null;
  requester_teams_id: string | null;
  requester_conversation: StoredReference;
  locale: string;
  time_zone: string | null;
  customer_id: string;
  subscription_id: string | null;
  target_user_id: string | null;
  etag: string | null;
  reason: string;
  facts: ApprovalFacts;
  created_at: Date;
  expires_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  started_at: Date | null;
  completed_at: Date | null;
  error_code: string | null;
  result: ApprovalFacts | null;
  cards: ApprovalCardLocation[];
}

const columns = `id, kind, status, requester_id, requester_name, requester_teams_id, requester_conversation,
  locale, time_zone, customer_id, subscription_id, target_user_id, etag, reason, facts, created_at, expires_at, decided_by,
  decided_by_name, decided_at, decision_comment, started_at, completed_at, error_code, result, cards`;

const openStatuses: readonly ApprovalStatus[] = ['pending', 'approved', 'executing'];
const uniqueViolation = '23505';

function toRequest(row: RequestRow): ApprovalRequest {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    requester: {
      id: row.requester_id,
      ...(row.requester_name !== null && { name: row.requester_name }),
      ...(row.requester_teams_id !== null && { teamsUserId: row.requester_teams_id }),
    },
    requesterConversation: row.requester_conversation,
    locale: row.locale,
    ...(row.time_zone !== null && { timeZone: row.time_zone }),
    customerId: row.customer_id,
    ...(row.subscription_id !== null && { subscriptionId: row.subscription_id }),
    ...(row.target_user_id !== null && { targetUserId: row.target_user_id }),
    ...(row.etag !== null && { etag: row.etag }),
    reason: row.reason,
    facts: row.facts,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.decided_by !== null && {
      decidedBy: { id: row.decided_by, ...(row.decided_by_name !== null && { name: row.decided_by_name }) },
    }),
    ...(row.decided_at !== null && { decidedAt: row.decided_at }),
    ...(row.decision_comment !== null && { comment: row.decision_comment }),
    ...(row.started_at !== null && { startedAt: row.started_at }),
    ...(row.completed_at !== null && { completedAt: row.completed_at }),
    ...(row.error_code !== null && { errorCode: row.error_code }),
    ...(row.result !== null && { result: row.result }),
    cards: row.cards,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === uniqueViolation
  );
}

async function findIn(db: SqlQueryable, id: string): Promise<ApprovalRequest | undefined> {
  const { rows } = await db.query<RequestRow>(`SELECT ${columns} FROM approval_requests WHERE id = $1`, [id]);
  return rows[0] && toRequest(rows[0]);
}

/** Thrown inside a transaction to roll back every step when one does not apply. */
class StepNotApplied extends Error {}

async function applyStep(
  tx: SqlQueryable,
  id: string,
  step: ApprovalStep,
  now: Date,
  guard: StepGuard,
): Promise<RequestRow | undefined> {
  const decides = step.decidedBy !== undefined;
  const starts = step.to === 'executing';
  const completes = ['done', 'failed', 'expired'].includes(step.to);
  // The row lock taken by UPDATE makes a concurrent transaction wait, then re-check `status` and change nothing.
  const { rows } = await tx.query<RequestRow>(
    `UPDATE approval_requests SET
       status = $3,
       decided_by = CASE WHEN $4 THEN $5 ELSE decided_by END,
       decided_by_name = CASE WHEN $4 THEN $6 ELSE decided_by_name END,
       decided_at = CASE WHEN $4 THEN $2 ELSE decided_at END,
       decision_comment = CASE WHEN $4 THEN $7 ELSE decision_comment END,
       started_at = CASE WHEN $8 THEN $2 ELSE started_at END,
       completed_at = CASE WHEN $9 THEN $2 ELSE completed_at END,
       error_code = COALESCE($10, error_code),
       result = COALESCE($11::text::jsonb, result)
     WHERE id = $1 AND status = ANY($12::text[])
       AND ($13::timestamptz IS NULL OR expires_at > $13::timestamptz)
       AND ($14::text IS NULL OR requester_id <> $14::text)
     RETURNING ${columns}`,
    [
      id,
      now,
      step.to,
      decides,
      step.decidedBy?.id ?? null,
      step.decidedBy?.name ?? null,
      step.comment ?? null,
      starts,
      completes,
      step.errorCode ?? null,
      step.result === undefined ? null : JSON.stringify(step.result),
      [...step.from],
      guard.unexpiredAt ?? null,
      guard.notRequester ?? null,
    ],
  );
  return rows[0];
}

export function createApprovalRepository(db: SqlExecutor): ApprovalRepository {
  return {
    async create(request: NewApprovalRequest): Promise<CreateResult> {
      try {
        const { rows } = await db.query<RequestRow>(
          `INSERT INTO approval_requests (id, kind, status, requester_id, requester_name, requester_teams_id,
             requester_conversation, locale, customer_id, subscription_id, target_user_id, etag, reason, facts,
             created_at, expires_at, time_zone)
           VALUES ($1, $2, 'pending', $3, $4, $5, $6::text::jsonb, $7, $8, $9, $10, $11, $12, $13::text::jsonb,
             $14, $15, $16)
           RETURNING ${columns}`,
          [
            randomUUID(),
            request.kind,
            request.requester.id,
            request.requester.name ?? null,
            request.requester.teamsUserId ?? null,
            JSON.stringify(request.requesterConversation),
            request.locale,
            request.customerId,
            request.subscriptionId ?? null,
            request.targetUserId ?? null,
            request.etag ?? null,
            request.reason,
            JSON.stringify(request.facts),
            request.createdAt,
            request.expiresAt,
            request.timeZone ?? null,
          ],
        );
        return { created: true, request: toRequest(rows[0] as RequestRow) };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const { rows } = await db.query<RequestRow>(
          `SELECT ${columns} FROM approval_requests
           WHERE kind = $1 AND customer_id = $2 AND COALESCE(subscription_id, '') = $3
             AND COALESCE(target_user_id, '') = $4 AND status = ANY($5::text[])`,
          [
            request.kind,
            request.customerId,
            request.subscriptionId ?? '',
            request.targetUserId ?? '',
            [...openStatuses],
          ],
        );
        // The open request may have closed between the insert and this read: then it is simply a race lost.
        if (!rows[0]) throw error;
        return { created: false, existing: toRequest(rows[0]) };
      }
    },

    find: (id) => findIn(db, id),

    async listPending(options = {}): Promise<ApprovalRequest[]> {
      const { rows } = await db.query<RequestRow>(
        `SELECT ${columns} FROM approval_requests
         WHERE status = 'pending' AND ($1::text IS NULL OR requester_id = $1::text)
         ORDER BY created_at, id LIMIT $2`,
        [options.requesterId ?? null, options.limit ?? 50],
      );
      return rows.map(toRequest);
    },

    async advance(id, steps, now, guard = {}): Promise<StepResult> {
      try {
        return await db.transaction(async (tx) => {
          let row: RequestRow | undefined;
          for (const step of steps) {
            row = await applyStep(tx, id, step, now, guard);
            if (!row) throw new StepNotApplied();
          }
          if (!row) throw new StepNotApplied();
          return { applied: true as const, request: toRequest(row) };
        });
      } catch (error) {
        if (!(error instanceof StepNotApplied)) throw error;
        return { applied: false, request: await findIn(db, id) };
      }
    },

    async expireDue(now: Date): Promise<ApprovalRequest[]> {
      const { rows } = await db.query<RequestRow>(
        `UPDATE approval_requests SET status = 'expired', completed_at = $1
         WHERE status = 'pending' AND expires_at <= $1
         RETURNING ${columns}`,
        [now],
      );
      return rows.map(toRequest);
    },

    async listExecutingSince(startedBefore: Date): Promise<ApprovalRequest[]> {
      const { rows } = await db.query<RequestRow>(
        `SELECT ${columns} FROM approval_requests WHERE status = 'executing' AND started_at < $1
         ORDER BY started_at`,
        [startedBefore],
      );
      return rows.map(toRequest);
    },

    async addCard(id: string, card: ApprovalCardLocation): Promise<void> {
      await db.query(
        `UPDATE approval_requests SET cards = cards || jsonb_build_array($2::text::jsonb) WHERE id = $1`,
        [id, JSON.stringify(card)],
      );
    },

    async approvalsChannel(): Promise<ApprovalsChannel | undefined> {
      const { rows } = await db.query<{ value: ApprovalsChannel & { setAt: string } }>(
        `SELECT value FROM bot_settings WHERE key = 'approvals.channel'`,
      );
      const value = rows[0]?.value;
      return value && { ...value, setAt: new Date(value.setAt) };
    },

    async setApprovalsChannel(channel: ApprovalsChannel): Promise<void> {
      await db.query(
        `INSERT INTO bot_settings (key, value, updated_by, updated_at)
         VALUES ('approvals.channel', $1::text::jsonb, $2, $3)
         ON CONFLICT (key) DO UPDATE
           SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [JSON.stringify(channel), channel.setBy.id, channel.setAt],
      );
    },

    async rememberApprover(approver, now): Promise<void> {
      await db.query(
        `INSERT INTO approver_directory (aad_object_id, teams_user_id, name, seen_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (aad_object_id) DO UPDATE
           SET teams_user_id = excluded.teams_user_id, name = excluded.name, seen_at = excluded.seen_at`,
        [approver.id.toLowerCase(), approver.teamsUserId, approver.name ?? null, now],
      );
    },

    async approverTeamsUserIds(limit: number): Promise<string[]> {
      const { rows } = await db.query<{ teams_user_id: string }>(
        'SELECT teams_user_id FROM approver_directory ORDER BY seen_at DESC LIMIT $1',
        [limit],
      );
      return rows.map((row) => row.teams_user_id);
    },
  };
}
