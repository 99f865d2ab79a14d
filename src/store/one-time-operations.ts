import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from './sql-executor';
import type {
  NewOneTimeOperation,
  OneTimeOperation,
  OneTimeOperationResult,
  OneTimeOperationStatus,
  OneTimeOperations,
  OperationClaim,
  OperationFacts,
} from './store';

interface OperationRow {
  id: string;
  kind: string;
  customer_id: string;
  target_user_id: string;
  context: OperationFacts;
  created_by: string;
  created_at: Date;
  expires_at: Date;
  status: OneTimeOperationStatus;
  claimed_by: string | null;
  claimed_by_name: string | null;
  claimed_at: Date | null;
  completed_at: Date | null;
  outcome: OperationFacts | null;
}

const columns = `id, kind, customer_id, target_user_id, context, created_by, created_at, expires_at, status,
  claimed_by, claimed_by_name, claimed_at, completed_at, outcome`;

function toOperation(row: OperationRow): OneTimeOperation {
  return {
    id: row.id,
    kind: row.kind,
    customerId: row.customer_id,
    targetUserId: row.target_user_id,
    facts: row.context,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    status: row.status,
    ...(row.claimed_by !== null && { claimedBy: row.claimed_by }),
    ...(row.claimed_by_name !== null && { claimedByName: row.claimed_by_name }),
    ...(row.claimed_at !== null && { claimedAt: row.claimed_at }),
    ...(row.completed_at !== null && { completedAt: row.completed_at }),
    ...(row.outcome !== null && { outcome: row.outcome }),
  };
}

/** The `one_time_operations` table: confirmation ids claimed at most once. */
export function createOneTimeOperations(db: SqlExecutor): OneTimeOperations {
  const find = async (id: string): Promise<OneTimeOperation | undefined> => {
    const { rows } = await db.query<OperationRow>(
      `SELECT ${columns} FROM one_time_operations WHERE id = $1`,
      [id],
    );
    return rows[0] && toOperation(rows[0]);
  };

  return {
    async create(operation: NewOneTimeOperation): Promise<OneTimeOperation> {
      const { rows } = await db.query<OperationRow>(
        `INSERT INTO one_time_operations (id, kind, customer_id, target_user_id, context, created_by, expires_at)
         VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7)
         RETURNING ${columns}`,
        [
          randomUUID(),
          operation.kind,
          operation.customerId,
          operation.targetUserId,
          JSON.stringify(operation.facts),
          operation.createdBy,
          operation.expiresAt,
        ],
      );
      return toOperation(rows[0] as OperationRow);
    },

    find,

    async claim(
      id: string,
      kind: string,
      actor: { id: string; name?: string },
      now: Date,
    ): Promise<OperationClaim> {
      // One statement: the row lock makes a second, concurrent claim see status 'claimed' and change nothing.
      const { rows } = await db.query<OperationRow>(
        `UPDATE one_time_operations
           SET status = 'claimed', claimed_by = $3, claimed_by_name = $4, claimed_at = $5
         WHERE id = $1 AND kind = $2 AND status = 'pending' AND expires_at > $5
         RETURNING ${columns}`,
        [id, kind, actor.id, actor.name ?? null, now],
      );
      if (rows[0]) return { claimed: true, operation: toOperation(rows[0]) };
      const operation = await find(id);
      if (!operation || operation.kind !== kind) return { claimed: false, reason: 'unknown' };
      return { claimed: false, reason: operation.status === 'pending' ? 'expired' : 'taken', operation };
    },

    async complete(
      id: string,
      result: OneTimeOperationResult,
      outcome: OperationFacts,
      now: Date,
    ): Promise<OneTimeOperation | undefined> {
      const { rows } = await db.query<OperationRow>(
        `UPDATE one_time_operations SET status = $2, outcome = $3::text::jsonb, completed_at = $4
         WHERE id = $1 AND status = 'claimed'
         RETURNING ${columns}`,
        [id, result, JSON.stringify(outcome), now],
      );
      return rows[0] && toOperation(rows[0]);
    },
  };
}
