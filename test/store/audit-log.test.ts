import { AppError } from '../../src/errors';
import { buildAuditQuery, createAuditLog, insertAuditRows, pageSize } from '../../src/store/audit-log';
import type { SqlExecutor } from '../../src/store/sql-executor';
import type { AuditEntry, AuditRecord } from '../../src/store/store';
import { engines, type Harness, inSchema, openHarness, postgresUrl, uniquePrefix } from './engines';

describe('audit query building', () => {
  it('combines every filter with AND, newest first, with the page size as the last parameter', () => {
    const since = new Date('2026-01-01T00:00:00Z');
    const until = new Date('2026-02-01T00:00:00Z');
    const { sql, params } = buildAuditQuery({
      since,
      until,
      customerId: 'c',
      actorId: 'a',
      action: 'x',
      before: '42',
      limit: 5,
    });
    expect(sql).toMatch(
      /WHERE at >= \$1 AND at < \$2 AND customer_id = \$3 AND actor_id = \$4 AND action = \$5 AND audit_log.id < \$6::bigint ORDER BY audit_log.id DESC LIMIT \$7$/,
    );
    expect(params).toEqual([since, until, 'c', 'a', 'x', '42', 5]);
  });

  it('has no WHERE clause without filters', () => {
    expect(buildAuditQuery({}).sql).not.toContain('WHERE');
  });

  it('keeps user text out of the SQL', () => {
    const { sql } = buildAuditQuery({ customerId: "x'; DROP TABLE audit_log; --" });
    expect(sql).not.toContain('DROP');
  });

  it('refuses a paging cursor that is not a row id, and an invalid date', () => {
    expect(() => buildAuditQuery({ before: '1 OR 1=1' })).toThrow(/cursor/);
    expect(() => buildAuditQuery({ since: new Date('not a date') })).toThrow(/since/);
  });

  it('inserts several rows with one statement, ten parameters each, returning only id and time', () => {
    const sql = insertAuditRows(2);
    expect(sql).toMatch(
      /VALUES \(\$1, .*\$10::text::jsonb\), \(\$11, .*\$20::text::jsonb\) RETURNING id::text AS id, at$/,
    );
    expect(insertAuditRows(2)).toBe(sql);
  });

  it('defaults the page size to 20 and keeps it between 1 and 200', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(Number.NaN)).toBe(20);
    expect(pageSize(0)).toBe(1);
    expect(pageSize(7.9)).toBe(7);
    expect(pageSize(10_000)).toBe(200);
  });
});

describe.each(engines)('audit log on %s', (engine) => {
  let harness: Harness;
  let customerId: string;

  const entry = (change: Partial<AuditEntry> = {}): AuditEntry => ({
    actorId: 'aad-alice',
    actorName: 'Alice Admin',
    roles: ['helpdesk', 'admin'],
    action: 'customer.search',
    outcome: 'succeeded',
    customerId,
    correlationId: 'corr-1',
    ...change,
  });

  beforeAll(async () => {
    harness = await openHarness(engine);
  });
  afterAll(async () => {
    await harness?.store.close();
  });
  beforeEach(() => {
    customerId = uniquePrefix('customer');
  });

  it('returns the stored record from append, with an id and a server timestamp', async () => {
    const before = Date.now();
    const record = await harness.store.audit.append(
      entry({ targetUserId: 'u-1', subscriptionId: 's-1', details: { query: 'contoso', nested: { n: 1 } } }),
    );
    expect(record).toEqual({
      ...entry({
        targetUserId: 'u-1',
        subscriptionId: 's-1',
        details: { query: 'contoso', nested: { n: 1 } },
      }),
      id: expect.stringMatching(/^\d+$/),
      at: expect.any(Date),
    });
    expect(record.at.getTime()).toBeGreaterThanOrEqual(before - 5000);
    expect(await harness.store.audit.query({ customerId })).toEqual([record]);
  });

  it('leaves optional fields out of records that have none', async () => {
    const record = await harness.store.audit.append({
      actorId: 'aad-bob',
      roles: [],
      action: 'help',
      outcome: 'allowed',
      correlationId: 'corr-2',
      customerId,
    });
    expect(Object.keys(record).sort()).toEqual(
      ['action', 'actorId', 'at', 'correlationId', 'customerId', 'id', 'outcome', 'roles'].sort(),
    );
  });

  it('refuses secret-like detail keys before anything reaches the database', async () => {
    await expect(harness.store.audit.append(entry({ details: { clientSecret: 'shh' } }))).rejects.toThrow(
      /looks like a secret/,
    );
    expect(await harness.store.audit.query({ customerId })).toEqual([]);
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const record = await harness.store.audit.append(entry());
    await expect(
      harness.db.query("UPDATE audit_log SET outcome = 'denied' WHERE id = $1", [record.id]),
    ).rejects.toThrow(/append-only/);
    await expect(harness.db.query('DELETE FROM audit_log WHERE id = $1', [record.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(harness.db.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await harness.store.audit.query({ customerId })).toEqual([record]);
  });

  it('filters by customer, actor and action, newest first', async () => {
    const actorId = uniquePrefix('actor');
    const a = await harness.store.audit.append(entry({ actorId, action: 'user.list' }));
    const b = await harness.store.audit.append(entry({ actorId, action: 'user.resetPassword' }));
    const c = await harness.store.audit.append(entry({ action: 'user.list' }));
    await harness.store.audit.append(
      entry({ actorId, customerId: uniquePrefix('other'), action: 'user.list' }),
    );

    const ids = (records: AuditRecord[]) => records.map((record) => record.id);
    expect(ids(await harness.store.audit.query({ customerId }))).toEqual([c.id, b.id, a.id]);
    expect(ids(await harness.store.audit.query({ customerId, actorId }))).toEqual([b.id, a.id]);
    expect(ids(await harness.store.audit.query({ customerId, action: 'user.list' }))).toEqual([c.id, a.id]);
    expect(ids(await harness.store.audit.query({ customerId, actorId, action: 'user.list' }))).toEqual([
      a.id,
    ]);
  });

  it('filters by time: since inclusive, until exclusive', async () => {
    const first = await harness.store.audit.append(entry());
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await harness.store.audit.append(entry());
    const query = (range: { since?: Date; until?: Date }) =>
      harness.store.audit
        .query({ customerId, ...range })
        .then((records) => records.map((record) => record.id));

    expect(await query({ since: second.at })).toEqual([second.id]);
    expect(await query({ until: second.at })).toEqual([first.id]);
    expect(await query({ since: first.at, until: new Date(second.at.getTime() + 1) })).toEqual([
      second.id,
      first.id,
    ]);
    expect(await query({ since: new Date(second.at.getTime() + 1000) })).toEqual([]);
  });

  it('pages with `before` through every row exactly once, 20 per page by default', async () => {
    const appended: string[] = [];
    for (let index = 0; index < 45; index += 1) {
      appended.push((await harness.store.audit.append(entry({ correlationId: `corr-${index}` }))).id);
    }
    const pages: string[][] = [];
    let before: string | undefined;
    for (;;) {
      const page = await harness.store.audit.query({ customerId, ...(before && { before }) });
      if (page.length === 0) break;
      pages.push(page.map((record) => record.id));
      before = page[page.length - 1]?.id;
    }
    expect(pages.map((page) => page.length)).toEqual([20, 20, 5]);
    expect(pages.flat()).toEqual([...appended].reverse());
    expect(await harness.store.audit.query({ customerId, limit: 3 })).toHaveLength(3);
  });

  it('orders ids as numbers when they gain a digit (…998, 999, 1000, 1001…)', async () => {
    // On PostgreSQL the ids come from a schema of this test's own, so that runs sharing the server (and the
    // server's persistent sequence) cannot interfere; the shared PGlite instance is this file's alone.
    const schema = uniquePrefix('digits').replace('-', '_');
    if (engine === 'postgres') await harness.db.exec(`CREATE SCHEMA ${schema}`);
    const own =
      engine === 'postgres' ? await openHarness(engine, inSchema(postgresUrl ?? '', schema)) : harness;
    try {
      await own.db.query(`SELECT setval('audit_log_id_seq', 997)`);
      const appended: string[] = [];
      for (let index = 0; index < 6; index += 1) appended.push((await own.store.audit.append(entry())).id);
      expect(appended).toEqual(['998', '999', '1000', '1001', '1002', '1003']);

      const firstPage = await own.store.audit.query({ customerId, limit: 4 });
      const secondPage = await own.store.audit.query({ customerId, limit: 4, before: firstPage[3]?.id });
      expect([...firstPage, ...secondPage].map((record) => record.id)).toEqual([...appended].reverse());
    } finally {
      if (own !== harness) {
        await own.store.close();
        await harness.db.exec(`DROP SCHEMA ${schema} CASCADE`);
      }
    }
  });
});

/** The executor with every statement it runs recorded. */
function recording(db: SqlExecutor): { db: SqlExecutor; statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    db: {
      engine: db.engine,
      query: (sql, params) => {
        statements.push(sql);
        return db.query(sql, params);
      },
      exec: (sql) => db.exec(sql),
      transaction: (work) => db.transaction(work),
      close: () => db.close(),
    },
  };
}

describe.each(engines)('audit log group commit on %s', (engine) => {
  let harness: Harness;
  let customerId: string;

  const entry = (index: number, change: Partial<AuditEntry> = {}): AuditEntry => ({
    actorId: `aad-${index}`,
    roles: ['viewer'],
    action: 'lookup',
    outcome: 'succeeded',
    customerId,
    correlationId: `corr-${index}`,
    details: { index },
    ...change,
  });

  beforeAll(async () => {
    harness = await openHarness(engine);
  });
  afterAll(async () => {
    await harness?.store.close();
  });
  beforeEach(() => {
    customerId = uniquePrefix('batch');
  });

  it('writes concurrent appends with one INSERT, ids in the order of the calls, each record as stored', async () => {
    const { db, statements } = recording(harness.db);
    const audit = createAuditLog(db);

    const records = await Promise.all([0, 1, 2, 3, 4].map((index) => audit.append(entry(index))));

    expect(statements.filter((sql) => sql.startsWith('INSERT'))).toHaveLength(1);
    expect(records.map((record) => record.correlationId)).toEqual([
      'corr-0',
      'corr-1',
      'corr-2',
      'corr-3',
      'corr-4',
    ]);
    const ids = records.map((record) => BigInt(record.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    expect(await harness.store.audit.query({ customerId })).toEqual([...records].reverse());
  });

  it('fails only the append whose row the database refuses, and writes the others of its batch', async () => {
    const audit = createAuditLog(harness.db);

    const results = await Promise.allSettled([
      audit.append(entry(0)),
      audit.append(entry(1, { actorName: 'null \u0000 byte' })),
      audit.append(entry(2)),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await harness.store.audit.query({ customerId });
    expect(stored.map((record) => record.correlationId)).toEqual(['corr-2', 'corr-0']);
  });

  it('rejects every append of a batch when the store is unavailable, without retrying row by row', async () => {
    const { db, statements } = recording({
      ...harness.db,
      query: async () => {
        throw new AppError('STORE_UNAVAILABLE', undefined, { cause: 'ECONNREFUSED' });
      },
    });
    const audit = createAuditLog(db);

    const results = await Promise.allSettled([0, 1, 2].map((index) => audit.append(entry(index))));

    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const result of results) {
      expect(result.status === 'rejected' && (result.reason as AppError).code).toBe('STORE_UNAVAILABLE');
    }
    expect(statements).toHaveLength(1);
  });

  it('writes the rows still pending before the store closes', async () => {
    const own = await openHarness(engine);
    const pending = [0, 1, 2].map((index) => own.store.audit.append(entry(index)));
    await own.store.close();

    await expect(Promise.all(pending)).resolves.toHaveLength(3);
    if (engine === 'postgres') {
      expect((await harness.store.audit.query({ customerId })).map((record) => record.correlationId)).toEqual(
        ['corr-2', 'corr-1', 'corr-0'],
      );
    }
  });
});
