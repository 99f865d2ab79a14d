import { createLogger, type Logger } from '../log';
import { createApprovalRepository } from './approvals';
import { createAuditLog } from './audit-log';
import { createConversationWelcomes } from './conversation-welcomes';
import { createCustomerIndexStore } from './customer-index-store';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { createOneTimeOperations } from './one-time-operations';
import { openPgliteExecutor } from './pglite-executor';
import { openPostgresExecutor } from './postgres-executor';
import { createProvisioningWatches } from './provisioning-watches';
import { createRetention } from './retention';
import type { SqlExecutor } from './sql-executor';
import { createStateRepository } from './state-repository';
import type { Store } from './store';

export interface StoreOptions {
  /** A PostgreSQL connection URL: when set, the store uses that server. */
  databaseUrl?: string;
  /** PGlite data directory when there is no databaseUrl: default ./data; ':memory:' keeps nothing on disk. */
  dataDir?: string;
  logger?: Logger;
}

export const defaultDataDir = './data';

/** Opens the engine the options name, without migrating (tests use this to reach raw SQL). */
export async function openExecutor(options: StoreOptions): Promise<SqlExecutor> {
  const logger = options.logger ?? createLogger();
  return options.databaseUrl
    ? openPostgresExecutor(options.databaseUrl, logger)
    : openPgliteExecutor(options.dataDir ?? defaultDataDir);
}

/** Migrates the schema on `db` and builds the repositories over it. On failure, closes `db`. */
export async function createSqlStore(db: SqlExecutor, logger: Logger): Promise<Store> {
  try {
    await migrate(db, migrations, logger);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  let closing: Promise<void> | undefined;
  const audit = createAuditLog(db);
  const state = createStateRepository(db);
  return {
    engine: db.engine,
    state,
    audit,
    approvals: createApprovalRepository(db),
    operations: createOneTimeOperations(db),
    provisioningWatches: createProvisioningWatches(db),
    customerIndex: createCustomerIndexStore(db),
    welcomes: createConversationWelcomes(db),
    retention: createRetention(db),
    async ping() {
      await db.query('SELECT 1');
    },
    close() {
      // Audit rows already appended are written (and state reads made are run) before the database closes.
      closing ??= Promise.all([audit.idle(), state.idle()]).then(() => db.close());
      return closing;
    },
  };
}

/**
 * Opens the store: a PostgreSQL server when `databaseUrl` is set, else embedded PGlite in `dataDir`.
 * The schema is migrated before this resolves.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const logger = options.logger ?? createLogger();
  const db = await openExecutor({ ...options, logger });
  logger.info(
    { engine: db.engine, ...(db.engine === 'pglite' && { dataDir: options.dataDir ?? defaultDataDir }) },
    'store: opened',
  );
  return createSqlStore(db, logger);
}
