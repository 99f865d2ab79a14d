import { randomUUID } from 'node:crypto';
import { silentLogger } from '../../src/log';
import { createSqlStore, openExecutor } from '../../src/store/open-store';
import type { Engine, SqlExecutor } from '../../src/store/sql-executor';
import type { Store } from '../../src/store/store';

/**
 * The engines every store behaviour runs against. PGlite always; PostgreSQL when TEST_DATABASE_URL
 * names a server (`export TEST_DATABASE_URL=$(bash scripts/ci/start-postgres.sh)`). In CI a missing
 * server is an error, never a silent skip.
 */
export const postgresUrl = process.env.TEST_DATABASE_URL || undefined;

if (!postgresUrl && process.env.CI === 'true') {
  throw new Error(
    'TEST_DATABASE_URL is not set in CI: the PostgreSQL half of the store tests cannot run. ' +
      'Start a server with `export TEST_DATABASE_URL=$(bash scripts/ci/start-postgres.sh)`.',
  );
}
if (!postgresUrl) {
  console.warn(
    'TEST_DATABASE_URL is not set: SKIPPING the PostgreSQL half of the store tests. ' +
      'Run `export TEST_DATABASE_URL=$(bash scripts/ci/start-postgres.sh)` to include it.',
  );
}

export const engines: Engine[] = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];

/** A migrated store plus the raw executor under it, for tests that must reach past the repositories. */
export interface Harness {
  store: Store;
  db: SqlExecutor;
}

export async function openHarness(engine: Engine, databaseUrl = postgresUrl): Promise<Harness> {
  const logger = silentLogger();
  const db = await openExecutor(
    engine === 'postgres'
      ? { databaseUrl: requirePostgres(databaseUrl), logger }
      : { dataDir: ':memory:', logger },
  );
  return { db, store: await createSqlStore(db, logger) };
}

function requirePostgres(url: string | undefined): string {
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

/** A prefix unique to one test run, so tests sharing a database never see each other's rows. */
export function uniquePrefix(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/** The same server, with a search_path that puts every table of the connection in `schema`. */
export function inSchema(url: string, schema: string): string {
  const withPath = new URL(url);
  withPath.searchParams.set('options', `-c search_path=${schema}`);
  return withPath.toString();
}
