import { Pool, type PoolClient } from 'pg';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { SqlExecutor, SqlQueryable, SqlResult } from './sql-executor';

const unavailableSystemCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
// SQLSTATE 57P01-57P03: the server is shutting down or not accepting connections; 53300: too many connections.
const unavailableSqlStates = new Set(['57P01', '57P02', '57P03', '53300']);

/** True when the error means "the database cannot be reached", as opposed to a failing statement. */
export function isConnectionFailure(error: unknown): boolean {
  // Duck-typed: socket errors may come from another realm (a test VM), where `instanceof Error` is false.
  if (typeof error !== 'object' || error === null || error instanceof AppError) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    return unavailableSystemCodes.has(code) || unavailableSqlStates.has(code) || code.startsWith('08');
  }
  return (
    typeof message === 'string' &&
    /^Connection terminated|timeout exceeded when trying to connect/i.test(message)
  );
}

function translated(error: unknown): unknown {
  if (!isConnectionFailure(error)) return error;
  const code = (error as { code?: unknown }).code;
  return new AppError(
    'STORE_UNAVAILABLE',
    undefined,
    { cause: typeof code === 'string' ? code : 'connection' },
    { cause: error },
  );
}

async function run<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw translated(error);
  }
}

function queryable(db: Pool | PoolClient): SqlQueryable {
  return {
    query: <Row>(sql: string, params: readonly unknown[] = []): Promise<SqlResult<Row>> =>
      run(async () => {
        const result = await db.query(sql, [...params]);
        return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
      }),
    exec: (sql: string) =>
      run(async () => {
        await db.query(sql);
      }),
  };
}

/** A PostgreSQL server through a `pg` Pool. Connection failures surface as AppError STORE_UNAVAILABLE. */
export function openPostgresExecutor(databaseUrl: string, logger: Logger): SqlExecutor {
  const pool = new Pool({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process: the next query reconnects.
  pool.on('error', (error) => logger.warn({ err: error }, 'store: idle PostgreSQL connection failed'));

  return {
    engine: 'postgres',
    ...queryable(pool),
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const client = await run(() => pool.connect());
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        const rolledBack = await client.query('ROLLBACK').then(
          () => true,
          () => false,
        );
        // A client whose rollback failed is in an unknown state: destroy it instead of reusing it.
        client.release(!rolledBack);
        throw translated(error);
      }
    },
    close: () => pool.end(),
  };
}
