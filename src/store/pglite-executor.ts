import { mkdir } from 'node:fs/promises';
import type { Transaction } from '@electric-sql/pglite';
import type { SqlExecutor, SqlQueryable, SqlResult } from './sql-executor';

/** `':memory:'` (or no directory) keeps the database in memory; anything else is a data directory. */
function pgliteDataDir(dataDir: string | undefined): string {
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
  const location = pgliteDataDir(dataDir);
  // PGlite creates the directory itself, but not its missing parents.
  if (location !== 'memory://') await mkdir(location, { recursive: true });
  const db = await PGlite.create(location);
  return {
    engine: 'pglite',
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    close: () => db.close(),
  };
}
