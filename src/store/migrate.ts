import type { Logger } from '../log';
import type { Migration } from './migrations';
import type { SqlExecutor, SqlQueryable } from './sql-executor';

/** Serializes migrations of several processes that start against one server at the same time. */
const migrationLockId = 72_410_001;

/** Throws unless versions are positive integers in strictly increasing order. */
export function assertMigrationOrder(list: readonly Migration[]): void {
  list.reduce((previous, migration) => {
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(
        `Migration ${migration.version} (${migration.name}) must have an integer version above ${previous}`,
      );
    }
    return migration.version;
  }, 0);
}

async function appliedVersions(db: SqlQueryable): Promise<Set<number>> {
  const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((row) => row.version));
}

/**
 * Brings the schema up to date and returns the versions it applied (none when it already was).
 * Each migration runs in its own transaction under an advisory lock, and is skipped if another
 * process applied it first, so concurrent starts and restarts are safe.
 */
export async function migrate(
  db: SqlExecutor,
  list: readonly Migration[],
  logger: Logger,
): Promise<number[]> {
  assertMigrationOrder(list);
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${migrationLockId})`);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
  });

  const alreadyApplied = await appliedVersions(db);
  const applied: number[] = [];
  for (const migration of list.filter((m) => !alreadyApplied.has(m.version))) {
    const ran = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${migrationLockId})`);
      if ((await appliedVersions(tx)).has(migration.version)) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (ran) {
      applied.push(migration.version);
      logger.info({ version: migration.version, migration: migration.name }, 'store: migration applied');
    }
  }
  return applied;
}
