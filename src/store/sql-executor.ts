/**
 * The one seam between the repositories and a database engine. Both engines speak the same
 * PostgreSQL dialect, so the repositories hold plain SQL and never know which engine runs it.
 */
export type Engine = 'pglite' | 'postgres';

export interface SqlResult<Row> {
  rows: Row[];
  /** Rows returned, or rows changed by INSERT/UPDATE/DELETE. */
  rowCount: number;
}

export interface SqlQueryable {
  /** One statement with `$1`-style parameters. */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
  /** A script of statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlExecutor extends SqlQueryable {
  readonly engine: Engine;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
