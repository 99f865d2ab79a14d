import { AppError } from '../errors';
import { validateAuditEntry } from './audit-entry';
import { Batcher, isStoreUnavailable } from './batcher';
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

/** Audit rows one INSERT writes at most (10 parameters each). */
export const maxAuditBatch = 100;

const insertColumns = `actor_id, actor_name, roles, action, outcome, customer_id, target_user_id, subscription_id,
  correlation_id, details`;
const insertStatements = new Map<number, string>();

/** `INSERT … VALUES (…), (…) RETURNING id, at` for `rows` rows, built once per row count. */
export function insertAuditRows(rows: number): string {
  let sql = insertStatements.get(rows);
  if (!sql) {
    const values = Array.from({ length: rows }, (_, row) => {
      const p = (column: number) => `$${row * 10 + column}`;
      return `(${p(1)}, ${p(2)}, ${p(3)}::text[], ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}::text::jsonb)`;
    });
    sql = `INSERT INTO audit_log (${insertColumns}) VALUES ${values.join(', ')} RETURNING id::text AS id, at`;
    insertStatements.set(rows, sql);
  }
  return sql;
}

/** An entry ready for the INSERT: its parameters, and the details exactly as the database will hold them. */
interface PreparedEntry {
  entry: AuditEntry;
  params: unknown[];
  details: Record<string, unknown> | undefined;
}

function prepareEntry(entry: AuditEntry): PreparedEntry {
  // The details go in as JSON text (both drivers would otherwise pick their own encoding); the record handed
  // back holds that JSON read back, as the jsonb column gives it to a query.
  const json = entry.details === undefined ? null : JSON.stringify(entry.details);
  return {
    entry,
    details: json === null ? undefined : (JSON.parse(json) as Record<string, unknown>),
    params: [
      entry.actorId,
      entry.actorName ?? null,
      entry.roles,
      entry.action,
      entry.outcome,
      entry.customerId ?? null,
      entry.targetUserId ?? null,
      entry.subscriptionId ?? null,
      entry.correlationId,
      json,
    ],
  };
}

/** The record of a written entry: what a query returns for it (the same fields left out). */
function writtenRecord({ entry, details }: PreparedEntry, row: { id: string; at: Date }): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actorId: entry.actorId,
    ...(entry.actorName !== undefined && { actorName: entry.actorName }),
    roles: [...entry.roles],
    action: entry.action,
    outcome: entry.outcome,
    ...(entry.customerId !== undefined && { customerId: entry.customerId }),
    ...(entry.targetUserId !== undefined && { targetUserId: entry.targetUserId }),
    ...(entry.subscriptionId !== undefined && { subscriptionId: entry.subscriptionId }),
    correlationId: entry.correlationId,
    ...(details !== undefined && { details }),
  };
}

/** Writes entries with one INSERT; rows get ids in the entries' order, so ascending ids map back in order. */
async function insertEntries(db: SqlExecutor, entries: readonly PreparedEntry[]): Promise<AuditRecord[]> {
  const { rows } = await db.query<{ id: string; at: Date }>(
    insertAuditRows(entries.length),
    entries.flatMap((prepared) => prepared.params),
  );
  const inIdOrder = [...rows].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  return inIdOrder.map((row, index) => writtenRecord(entries[index] as PreparedEntry, row));
}

export interface BatchingAuditLog extends AuditLog {
  /** Resolves when every row appended so far is written (or has failed); the store waits for it before closing. */
  idle(): Promise<void>;
}

/**
 * The `audit_log` table. The database itself refuses UPDATE, DELETE and TRUNCATE on it.
 * Appends are group-committed (batcher.ts): rows appended in the same turn of the event loop, or while an INSERT
 * is in flight, go together in one INSERT. Each `append` still resolves only after its own row is committed (and rejects if it is not), so an action never
 * goes ahead of its audit row; a row the database refuses (say, text with a NUL) fails only its own append.
 */
export function createAuditLog(db: SqlExecutor): BatchingAuditLog {
  const writer = new Batcher<PreparedEntry, AuditRecord>({
    run: (entries) => insertEntries(db, entries),
    maxBatch: maxAuditBatch,
    retryAlone: (error) => !isStoreUnavailable(error),
  });
  return {
    async append(entry: AuditEntry): Promise<AuditRecord> {
      validateAuditEntry(entry);
      return writer.submit(prepareEntry(entry));
    },

    idle: () => writer.idle(),

    async query(query: AuditQuery): Promise<AuditRecord[]> {
      const { sql, params } = buildAuditQuery(query);
      const { rows } = await db.query<AuditRow>(sql, params);
      return rows.map(toRecord);
    },
  };
}
