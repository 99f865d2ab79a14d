import { silentLogger } from '../../src/log';
import type { CustomerIndexEntry } from '../../src/store/customer-index-store';
import { createSqlStore, openExecutor } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { engines, inSchema, postgresUrl, uniquePrefix } from './engines';

const logger = silentLogger();

/** A store of its own: on PostgreSQL in a schema of this run, since the index is one list per database. */
async function openIsolated(
  engine: 'pglite' | 'postgres',
): Promise<{ store: Store; close(): Promise<void> }> {
  if (engine === 'pglite') {
    const store = await createSqlStore(await openExecutor({ dataDir: ':memory:', logger }), logger);
    return { store, close: () => store.close() };
  }
  const url = postgresUrl ?? '';
  const schema = uniquePrefix('index').replace('-', '_');
  const admin = await openExecutor({ databaseUrl: url, logger });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const store = await createSqlStore(
    await openExecutor({ databaseUrl: inSchema(url, schema), logger }),
    logger,
  );
  return {
    store,
    async close() {
      await store.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

const customer = (n: number, extra: Partial<CustomerIndexEntry> = {}): CustomerIndexEntry => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  tenantId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  companyName: `Company ${n}`,
  domain: `company${n}.onmicrosoft.com`,
  ...extra,
});

describe.each(engines)('the persisted customer index on %s', (engine) => {
  let isolated: { store: Store; close(): Promise<void> };
  beforeEach(async () => {
    isolated = await openIsolated(engine);
  });
  afterEach(async () => {
    await isolated.close();
  });

  it('has nothing to load before the first refresh', async () => {
    expect(await isolated.store.customerIndex.load()).toBeUndefined();
  });

  it('gives back every customer of the last refresh, hostile names included, with its time', async () => {
    const refreshedAt = new Date('2026-03-02T10:00:00.123Z');
    const customers = [
      customer(1, { relationshipToPartner: 'reseller' }),
      customer(2, { companyName: `Wolfram & Hart "${'$'}{x}" 台灣微软 😀`, domain: "o'brien.example" }),
      ...Array.from({ length: 2500 }, (_, index) => customer(index + 3)),
    ];
    await isolated.store.customerIndex.replace(customers, refreshedAt);
    const loaded = await isolated.store.customerIndex.load();
    expect(loaded?.refreshedAt).toEqual(refreshedAt);
    expect(loaded?.customers).toHaveLength(customers.length);
    const byId = new Map(loaded?.customers.map((entry) => [entry.id, entry]));
    expect(byId.get(customers[0]?.id ?? '')).toEqual(customers[0]);
    expect(byId.get(customers[1]?.id ?? '')).toEqual(customers[1]);
    expect(byId.get(customers[1]?.id ?? '')).not.toHaveProperty('relationshipToPartner');
  });

  it('replaces the whole list: customers gone from Partner Center are gone from the index', async () => {
    await isolated.store.customerIndex.replace([customer(1), customer(2)], new Date('2026-03-02T10:00:00Z'));
    await isolated.store.customerIndex.replace([customer(2), customer(3)], new Date('2026-03-02T11:00:00Z'));
    const loaded = await isolated.store.customerIndex.load();
    expect(loaded?.customers.map((entry) => entry.companyName).sort()).toEqual(['Company 2', 'Company 3']);
    expect(loaded?.refreshedAt).toEqual(new Date('2026-03-02T11:00:00Z'));
  });

  it('lets two refreshes at once take turns, leaving one complete list', async () => {
    const first = Array.from({ length: 300 }, (_, index) => customer(index));
    const second = Array.from({ length: 200 }, (_, index) => customer(index + 1000));
    await Promise.all([
      isolated.store.customerIndex.replace(first, new Date('2026-03-02T10:00:00Z')),
      isolated.store.customerIndex.replace(second, new Date('2026-03-02T10:00:01Z')),
    ]);
    const loaded = await isolated.store.customerIndex.load();
    expect([first.length, second.length]).toContain(loaded?.customers.length);
  });
});
