import type { Transaction } from '@electric-sql/pglite';
import type { SqlExecutor, SqlQueryable, SqlResult } from './sql-executor';

/** `':memory:'` (or no directory) keeps the database in memory; anything else is a data directory. */
export function pgliteDataDir(dataDir: string | undefined): string {
  return dataDir === undefined || dataDir === ':memory:' ? 'memory://' : dataDir;
}

function queryable(db: Pick<Transaction, 'query' | 'exec'>): SqlQueryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<SqlResult<Row>> {
      const result = await db.query<Row>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
  };
}

/** Embedded PostgreSQL (WebAssembly) in one process: queries and transactions are serialized by PGlite. */
export async function openPgliteExecutor(dataDir?: string): Promise<SqlExecutor> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(pgliteDataDir(dataDir));
  return {
    engine: 'pglite',
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    close: () => db.close(),
  };
}
