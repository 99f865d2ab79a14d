import { silentLogger } from '../../src/log';
import { createSqlStore, openExecutor } from '../../src/store/open-store';
import {
  createProvisioningWatches,
  type NewProvisioningWatch,
  type ProvisioningWatches,
} from '../../src/store/provisioning-watches';
import type { SqlExecutor } from '../../src/store/sql-executor';
import type { Store } from '../../src/store/store';
import { engines, inSchema, postgresUrl, uniquePrefix } from './engines';

const logger = silentLogger();
const t0 = new Date('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const lease = 2 * 60_000;

/**
 * Two independent store instances over one database, as two bot instances would have: on PostgreSQL two
 * connection pools in a schema of this file's own (so no other test's watches are due); on PGlite, which
 * has one connection, two repositories over it.
 */
interface TwoInstances {
  a: ProvisioningWatches;
  b: ProvisioningWatches;
  close(): Promise<void>;
}

async function openTwoInstances(engine: 'pglite' | 'postgres'): Promise<TwoInstances> {
  if (engine === 'pglite') {
    const db: SqlExecutor = await openExecutor({ dataDir: ':memory:', logger });
    const store = await createSqlStore(db, logger);
    return { a: store.provisioningWatches, b: createProvisioningWatches(db), close: () => store.close() };
  }
  const url = postgresUrl ?? '';
  const schema = uniquePrefix('watches').replace('-', '_');
  const admin = await openExecutor({ databaseUrl: url, logger });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const stores: Store[] = [];
  for (const _ of [1, 2]) {
    stores.push(
      await createSqlStore(await openExecutor({ databaseUrl: inSchema(url, schema), logger }), logger),
    );
  }
  const [first, second] = stores as [Store, Store];
  return {
    a: first.provisioningWatches,
    b: second.provisioningWatches,
    async close() {
      await Promise.all(stores.map((store) => store.close()));
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

describe.each(engines)('provisioning watches on %s', (engine) => {
  let instances: TwoInstances;
  let requesterId: string;
  // Each test works two days before the previous one, so watches of earlier tests are never due in a later one.
  let hour = 0;
  let base: Date;
  const minutes = (n: number) => new Date(base.getTime() + n * 60_000);

  const watch = (change: Partial<NewProvisioningWatch> = {}): NewProvisioningWatch => ({
    requesterId,
    requesterName: 'Alex Wilber',
    conversationReference: { conversation: { id: 'personal-1' }, serviceUrl: 'https://smba.example/' },
    locale: 'fr-FR',
    timeZone: 'Europe/Paris',
    customerId: 'C5757D70-06F3-4F23-8367-5A9E55019F94',
    customerName: 'Contoso190',
    subscriptionId: '7D44A913-FD7D-40E8-BF16-BA4456F1F8FF',
    subscriptionName: 'Microsoft 365 Business Premium',
    createdAt: minutes(0),
    expiresAt: minutes(24 * 60),
    nextCheckAt: minutes(5),
    ...change,
  });

  beforeAll(async () => {
    instances = await openTwoInstances(engine);
  });
  afterAll(async () => {
    await instances?.close();
  });
  beforeEach(() => {
    requesterId = uniquePrefix('aad');
    hour -= 48;
    base = at(hour * 60);
  });

  it('starts a watch with the requester, conversation, customer and subscription, ids in lower case', async () => {
    const { started, watch: created } = await instances.a.start(watch());
    expect(started).toBe(true);
    expect(created).toMatchObject({
      status: 'watching',
      requesterId,
      customerId: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
      subscriptionId: '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff',
      conversationReference: { conversation: { id: 'personal-1' } },
      locale: 'fr-FR',
      timeZone: 'Europe/Paris',
      checks: 0,
      expiresAt: minutes(24 * 60),
    });
    expect(await instances.b.find(created.id)).toEqual(created);
  });

  it('reads a watch started without a time zone as having none (the notification then shows UTC)', async () => {
    const { timeZone: _none, ...withoutZone } = watch();
    const { watch: created } = await instances.a.start(withoutZone);
    expect(created).not.toHaveProperty('timeZone');
    expect(await instances.b.find(created.id)).toEqual(created);
  });

  it('keeps one running watch per requester and subscription: a repeated click returns the same one', async () => {
    const first = await instances.a.start(watch());
    const again = await instances.b.start(watch({ createdAt: minutes(1) }));
    expect(again).toEqual({ started: false, watch: first.watch });
    const otherAgent = await instances.a.start(watch({ requesterId: `${requesterId}-2` }));
    expect(otherAgent.started).toBe(true);
    expect(await instances.a.watchedBy(requesterId, 'c5757d70-06f3-4f23-8367-5a9e55019f94')).toEqual(
      new Set(['7d44a913-fd7d-40e8-bf16-ba4456f1f8ff']),
    );
  });

  it('claims only due watches, and not those another instance claimed within the lease', async () => {
    const { watch: created } = await instances.a.start(watch());
    expect(await instances.a.claimDue('instance-a', minutes(4), lease, 10)).toEqual([]);
    const [claimed] = await instances.a.claimDue('instance-a', minutes(5), lease, 10);
    expect(claimed).toMatchObject({ id: created.id, claimedBy: 'instance-a', claimedAt: minutes(5) });
    expect(await instances.b.claimDue('instance-b', minutes(6), lease, 10)).toEqual([]);
    // Instance A stopped mid-check: after the lease, B takes the watch over and A's claim is void.
    const [taken] = await instances.b.claimDue('instance-b', minutes(8), lease, 10);
    expect(taken).toMatchObject({ id: created.id, claimedBy: 'instance-b' });
    if (!claimed || !taken) throw new Error('expected claims');
    expect(
      await instances.a.finish(claimed, { status: 'notified', finalStatus: 'success' }, minutes(8)),
    ).toBe(false);
    expect(await instances.b.finish(taken, { status: 'notified', finalStatus: 'success' }, minutes(8))).toBe(
      true,
    );
  });

  it('reschedules a still-pending watch: the claim is released and the next check set', async () => {
    const { watch: created } = await instances.a.start(watch());
    const [claimed] = await instances.a.claimDue('instance-a', minutes(5), lease, 10);
    if (!claimed) throw new Error('expected a claim');
    expect(await instances.a.reschedule(claimed, minutes(10), minutes(5))).toBe(true);
    expect(await instances.a.find(created.id)).toMatchObject({
      status: 'watching',
      checks: 1,
      lastCheckedAt: minutes(5),
      nextCheckAt: minutes(10),
    });
    expect((await instances.a.find(created.id))?.claimedBy).toBeUndefined();
    expect(await instances.a.reschedule(claimed, minutes(15), minutes(5))).toBe(false);
    expect(await instances.b.claimDue('instance-b', minutes(9), lease, 10)).toEqual([]);
    expect(await instances.b.claimDue('instance-b', minutes(10), lease, 10)).toHaveLength(1);
  });

  it('ends a watch once, with how it ended, and frees the requester to watch the subscription again', async () => {
    const { watch: created } = await instances.a.start(watch());
    const [claimed] = await instances.a.claimDue('instance-a', minutes(5), lease, 10);
    if (!claimed) throw new Error('expected a claim');
    expect(await instances.a.finish(claimed, { status: 'gave_up' }, minutes(5))).toBe(true);
    expect(
      await instances.a.finish(claimed, { status: 'notified', finalStatus: 'success' }, minutes(5)),
    ).toBe(false);
    expect(await instances.a.find(created.id)).toMatchObject({ status: 'gave_up', completedAt: minutes(5) });
    expect(await instances.a.claimDue('instance-a', minutes(60), lease, 10)).toEqual([]);
    expect((await instances.a.start(watch({ createdAt: minutes(6) }))).started).toBe(true);
  });

  it('lets two instances racing on the same due watch end it exactly once', async () => {
    for (let round = 0; round < 5; round++) {
      const { watch: created } = await instances.a.start(watch({ requesterId: `${requesterId}-${round}` }));
      const now = minutes(5);
      const racers = [
        { name: 'instance-a', repository: instances.a },
        { name: 'instance-b', repository: instances.b },
      ];
      const ended = await Promise.all(
        racers.map(async ({ name, repository }) => {
          const claims = await repository.claimDue(name, now, lease, 10);
          const mine = claims.find((claim) => claim.id === created.id);
          return mine ? repository.finish(mine, { status: 'notified', finalStatus: 'success' }, now) : false;
        }),
      );
      expect(ended.filter(Boolean)).toHaveLength(1);
      expect(await instances.a.find(created.id)).toMatchObject({
        status: 'notified',
        finalStatus: 'success',
      });
    }
  });

  it('hands concurrent claimers disjoint watches', async () => {
    for (let index = 0; index < 6; index++) {
      await instances.a.start(watch({ requesterId: `${requesterId}-${index}` }));
    }
    const [fromA, fromB] = await Promise.all([
      instances.a.claimDue('instance-a', minutes(5), lease, 4),
      instances.b.claimDue('instance-b', minutes(5), lease, 4),
    ]);
    const ids = [...(fromA ?? []), ...(fromB ?? [])].map((claimed) => claimed.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });
});
