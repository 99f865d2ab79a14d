import { AppError } from '../errors';
import { validateAuditEntry } from './audit-entry';
import type { SqlExecutor } from './sql-executor';
import type { AuditEntry, AuditLog, AuditOutcome, AuditQuery, AuditRecord } from './store';

export const defaultAuditPageSize = 20;
export const maxAuditPageSize = 200;

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string;
  actor_name: string | null;
  roles: string[];
  action: string;
  outcome: AuditOutcome;
  customer_id: string | null;
  target_user_id: string | null;
  subscription_id: string | null;
  correlation_id: string;
  details: Record<string, unknown> | null;
}

// id as text: a bigint does not fit a JavaScript number, and the drivers disagree on how to decode it.
const columns = `id::text AS id, at, actor_id, actor_name, roles, action, outcome, customer_id,
  target_user_id, subscription_id, correlation_id, details`;

/** Page size: default 20, at least 1, at most 200. */
export function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return defaultAuditPageSize;
  return Math.min(Math.max(Math.trunc(limit), 1), maxAuditPageSize);
}

/** The SELECT for one page of a query: filters combined with AND, newest first, keyset paging on id. */
export function buildAuditQuery(query: AuditQuery): { sql: string; params: unknown[] } {
  for (const [field, date] of [
    ['since', query.since],
    ['until', query.until],
  ] as const) {
    if (date !== undefined && Number.isNaN(date.getTime())) {
      throw new AppError('INPUT_INVALID', `Audit query ${field} is not a valid date`);
    }
  }
  const params: unknown[] = [];
  const conditions: string[] = [];
  const where = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (query.since) where((p) => `at >= ${p}`, query.since);
  if (query.until) where((p) => `at < ${p}`, query.until);
  if (query.customerId !== undefined) where((p) => `customer_id = ${p}`, query.customerId);
  if (query.actorId !== undefined) where((p) => `actor_id = ${p}`, query.actorId);
  if (query.action !== undefined) where((p) => `action = ${p}`, query.action);
  if (query.before !== undefined) {
    if (!/^\d{1,19}$/.test(query.before)) {
      throw new AppError('INPUT_INVALID', 'Audit paging cursor must be a row id', { before: query.before });
    }
    where((p) => `audit_log.id < ${p}::bigint`, query.before);
  }
  params.push(pageSize(query.limit));
  const filter = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return {
    // audit_log.id, not the text `id` of the select list: ORDER BY would sort that one as text ('9' > '10').
    sql: `SELECT ${columns} FROM audit_log ${filter} ORDER BY audit_log.id DESC LIMIT $${params.length}`,
    params,
  };
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    ...(row.actor_name !== null && { actorName: row.actor_name }),
    roles: row.roles,
    action: row.action,
    outcome: row.outcome,
    ...(row.customer_id !== null && { customerId: row.customer_id }),
    ...(row.target_user_id !== null && { targetUserId: row.target_user_id }),
    ...(row.subscription_id !== null && { subscriptionId: row.subscription_id }),
    correlationId: row.correlation_id,
    ...(row.details !== null && { details: row.details }),
  };
}

/** The `audit_log` table. The database itself refuses UPDATE, DELETE and TRUNCATE on it. */
export function createAuditLog(db: SqlExecutor): AuditLog {
  return {
    async append(entry: AuditEntry): Promise<AuditRecord> {
      validateAuditEntry(entry);
      const { rows } = await db.query<AuditRow>(
        `INSERT INTO audit_log (actor_id, actor_name, roles, action, outcome, customer_id, target_user_id,
           subscription_id, correlation_id, details)
         VALUES ($1, $2, $3::text[], $4, $5, $6, $7, $8, $9, $10::text::jsonb)
         RETURNING ${columns}`,
        [
          entry.actorId,
          entry.actorName ?? null,
          entry.roles,
          entry.action,
          entry.outcome,
          entry.customerId ?? null,
          entry.targetUserId ?? null,
          entry.subscriptionId ?? null,
          entry.correlationId,
          entry.details === undefined ? null : JSON.stringify(entry.details),
        ],
      );
      return toRecord(rows[0] as AuditRow);
    },

    async query(query: AuditQuery): Promise<AuditRecord[]> {
      const { sql, params } = buildAuditQuery(query);
      const { rows } = await db.query<AuditRow>(sql, params);
      return rows.map(toRecord);
    },
  };
}
