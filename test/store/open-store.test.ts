import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../src/errors';
import { silentLogger } from '../../src/log';
import { migrations } from '../../src/store/migrations';
import { openExecutor, openStore } from '../../src/store/open-store';
import { postgresUrl } from './engines';

const logger = silentLogger();

describe('opening the store on PGlite', () => {
  let root: string;
  let dataDir: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'helpdesk-store-'));
    dataDir = join(root, 'var', 'data');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates its data directory (parents included) and keeps state and audit rows there across close and reopen, migrating only once', async () => {
    const first = await openStore({ dataDir, logger });
    expect(first.engine).toBe('pglite');
    await first.ping();
    await first.state.write([{ key: 'persisted', value: { step: 3 } }]);
    const record = await first.audit.append({
      actorId: 'aad-1',
      roles: ['admin'],
      action: 'customer.get',
      outcome: 'succeeded',
      correlationId: 'c-1',
      customerId: 'cust-1',
    });
    await first.close();
    await first.close();

    const second = await openStore({ dataDir, logger });
    try {
      expect((await second.state.read(['persisted'])).get('persisted')?.value).toEqual({ step: 3 });
      expect(await second.audit.query({ customerId: 'cust-1' })).toEqual([record]);
    } finally {
      await second.close();
    }

    const raw = await openExecutor({ dataDir, logger });
    try {
      const { rows } = await raw.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((row) => row.version)).toEqual(migrations.map((migration) => migration.version));
    } finally {
      await raw.close();
    }
  }, 90_000); // creating a PGlite data directory takes seconds, more on a busy machine

  it('keeps nothing on disk for ":memory:"', async () => {
    const store = await openStore({ dataDir: ':memory:', logger });
    try {
      expect(store.engine).toBe('pglite');
      await store.state.write([{ key: 'k', value: 1 }]);
      expect((await store.state.read(['k'])).get('k')?.value).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('opening the store on PostgreSQL', () => {
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    await new Promise((resolve) => server.close(resolve));
    if (address === null || typeof address === 'string') throw new Error('no port');
    return address.port;
  }

  it('fails with STORE_UNAVAILABLE when the server cannot be reached, without leaking the password', async () => {
    const port = await closedPort();
    const opening = openStore({
      databaseUrl: `postgres://bot:Sup3rSecret@127.0.0.1:${port}/helpdesk`,
      logger,
    });
    await expect(opening).rejects.toBeInstanceOf(AppError);
    const error = await opening.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(`${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain(
      'Sup3rSecret',
    );
  });

  (postgresUrl ? it : it.skip)('uses the server when databaseUrl is set; close is idempotent', async () => {
    const store = await openStore({ databaseUrl: postgresUrl, logger });
    expect(store.engine).toBe('postgres');
    await store.ping();
    await store.close();
    await store.close();
    await expect(store.ping()).rejects.toThrow();
  });
});
