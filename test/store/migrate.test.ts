import { silentLogger } from '../../src/log';
import { assertMigrationOrder, migrate } from '../../src/store/migrate';
import { type Migration, migrations } from '../../src/store/migrations';
import { openExecutor } from '../../src/store/open-store';
import type { SqlExecutor } from '../../src/store/sql-executor';
import { engines, inSchema, postgresUrl, uniquePrefix } from './engines';

const logger = silentLogger();
const allVersions = migrations.map((migration) => migration.version);

describe('migration order', () => {
  const m = (version: number): Migration => ({ version, name: `m${version}`, sql: 'SELECT 1' });

  it('accepts strictly increasing positive integer versions, like the shipped list', () => {
    expect(() => assertMigrationOrder([m(1), m(2), m(5)])).not.toThrow();
    expect(() => assertMigrationOrder(migrations)).not.toThrow();
  });

  it.each([
    ['a repeated version', [m(1), m(1)]],
    ['a version going down', [m(2), m(1)]],
    ['version zero', [m(0)]],
    ['a fractional version', [m(1.5)]],
  ])('refuses %s', (_label, list) => {
    expect(() => assertMigrationOrder(list)).toThrow(/must have an integer version/);
  });
});

describe.each(engines)('migrations on %s', (engine) => {
  // Each test migrates an empty schema of its own: on PostgreSQL through a connection whose search_path
  // names it, on PGlite (one connection, slow to create) by pointing the shared instance's search_path at it.
  let shared: SqlExecutor;
  let schema: string;
  const open = async (): Promise<SqlExecutor> => {
    if (engine === 'postgres')
      return openExecutor({ databaseUrl: inSchema(postgresUrl ?? '', schema), logger });
    await shared.exec(`SET search_path TO ${schema}`);
    return { ...shared, close: async () => {} };
  };

  beforeAll(async () => {
    shared = await openExecutor(
      engine === 'postgres' ? { databaseUrl: postgresUrl, logger } : { dataDir: ':memory:', logger },
    );
  });
  beforeEach(async () => {
    schema = uniquePrefix('migrate').replace('-', '_');
    await shared.exec(`CREATE SCHEMA ${schema}`);
  });
  afterEach(async () => {
    await shared.exec(`DROP SCHEMA ${schema} CASCADE`);
  });
  afterAll(async () => {
    await shared?.close();
  });

  const recorded = async (db: SqlExecutor) =>
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
      (row) => row.version,
    );

  it('applies every migration once, and nothing on the next run', async () => {
    const db = await open();
    try {
      expect(await migrate(db, migrations, logger)).toEqual(allVersions);
      expect(await migrate(db, migrations, logger)).toEqual([]);
      expect(await recorded(db)).toEqual(allVersions);
      const tables = await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual([
        'approval_requests',
        'approver_directory',
        'audit_log',
        'bot_settings',
        'bot_state',
        'conversation_welcomes',
        'customer_index',
        'customer_index_refresh',
        'one_time_operations',
        'provisioning_watches',
        'schema_migrations',
      ]);
    } finally {
      await db.close();
    }
  });

  it('applies only the migrations appended since the last run', async () => {
    const db = await open();
    try {
      await migrate(db, migrations, logger);
      const next = allVersions[allVersions.length - 1] ?? 0;
      const appended: Migration = {
        version: next + 1,
        name: 'test table',
        sql: 'CREATE TABLE appended (id int)',
      };
      expect(await migrate(db, [...migrations, appended], logger)).toEqual([next + 1]);
      expect(await recorded(db)).toEqual([...allVersions, next + 1]);
    } finally {
      await db.close();
    }
  });

  it('rolls back a failing migration whole, and records nothing for it', async () => {
    const db = await open();
    try {
      await migrate(db, migrations, logger);
      const broken: Migration = {
        version: 1000,
        name: 'broken',
        sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();',
      };
      await expect(migrate(db, [...migrations, broken], logger)).rejects.toThrow(/no_such_function/);
      expect(await recorded(db)).toEqual(allVersions);
      const leftover = await db.query(
        "SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'",
      );
      expect(leftover.rows).toEqual([]);
    } finally {
      await db.close();
    }
  });

  if (engine === 'postgres') {
    it('lets two processes starting at once apply each migration exactly once', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      try {
        const applied = await Promise.all([
          migrate(first, migrations, logger),
          migrate(second, migrations, logger),
        ]);
        expect(applied.flat().sort((a, b) => a - b)).toEqual(allVersions);
        expect(await recorded(first)).toEqual(allVersions);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });
  }
});
