import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { silentLogger } from '../../src/log';
import { provisioningWatchJob, type WatchEnding } from '../../src/provisioning/watch-job';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import { openStore } from '../../src/store/open-store';
import type { NewProvisioningWatch, ProvisioningWatch } from '../../src/store/provisioning-watches';
import type { Store } from '../../src/store/store';
import { type ManualClock, manualClock } from '../simulator/sim-client';

const MINUTE = 60_000;
const STATUS = 'GET /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}/provisioningstatus';
const contoso190 = 'c5757d70-06f3-4f23-8367-5a9e55019f94';
const pendingSubscription = '7D44A913-FD7D-40E8-BF16-BA4456F1F8FF';

/**
 * The watch job against the simulator over HTTP and a real store; one manual clock for both. The simulator
 * completes the seeded pending provisioning 15 minutes after it starts.
 */
describe('provisioning watch job', () => {
  let clock: ManualClock;
  let simulator: RunningSimulator;
  let client: PartnerCenterClient;
  let store: Store;
  let notified: { watch: ProvisioningWatch; ending: WatchEnding }[];
  // Each test starts two days before the previous one: watches of earlier tests are never due in a later one.
  let start = Date.parse('2026-03-02T09:00:00Z');
  const at = (minutes: number) => new Date(start + minutes * MINUTE);

  beforeAll(async () => {
    store = await openStore({ dataDir: ':memory:', logger: silentLogger() });
  });
  afterAll(async () => {
    await store.close();
  });
  beforeEach(async () => {
    start -= 2 * 24 * 60 * MINUTE;
    clock = manualClock(new Date(start).toISOString());
    simulator = await startSimulator({ logger: silentLogger(), now: clock.now });
    client = new PartnerCenterClient({
      baseUrl: simulator.url,
      tokens: noTokenProvider,
      logger: silentLogger(),
      retry: { maxAttempts: 1 },
    });
    notified = [];
  });
  afterEach(async () => {
    await client.close();
    await simulator.close();
  });

  const job = (
    instanceId = 'instance-a',
    notify = async (watch: ProvisioningWatch, ending: WatchEnding) => {
      notified.push({ watch, ending });
    },
  ) =>
    provisioningWatchJob({
      watches: store.provisioningWatches,
      partnerCenter: client,
      notify,
      audit: store.audit,
      instanceId,
      pollIntervalMs: 5 * MINUTE,
      concurrency: 2,
      logger: silentLogger(),
      now: clock.now,
    });

  const watch = async (change: Partial<NewProvisioningWatch> = {}) => {
    const now = clock.now();
    return (
      await store.provisioningWatches.start({
        requesterId: `aad-${Math.random()}`,
        conversationReference: { conversation: { id: 'c-1' } },
        locale: 'en-US',
        customerId: contoso190,
        subscriptionId: pendingSubscription,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 60 * MINUTE),
        nextCheckAt: new Date(now.getTime() + 5 * MINUTE),
        ...change,
      })
    ).watch;
  };

  it('runs at least every minute, however long the poll interval', () => {
    expect(job().intervalMs).toBe(60_000);
    expect(job().name).toBe('provisioning-watches');
  });

  it('leaves a watch that is not due alone', async () => {
    const created = await watch();
    clock.advance(4 * MINUTE);
    await job().run();
    expect(simulator.calls.count(STATUS)).toBe(0);
    expect(await store.provisioningWatches.find(created.id)).toMatchObject({ checks: 0 });
  });

  it('checks a due watch, and while pending checks again one poll interval later', async () => {
    const created = await watch();
    clock.advance(5 * MINUTE);
    await job().run();
    expect(await store.provisioningWatches.find(created.id)).toMatchObject({
      status: 'watching',
      checks: 1,
      nextCheckAt: at(10),
    });
    expect(notified).toEqual([]);
    expect(simulator.calls.count(STATUS)).toBe(1);
  });

  it('ends the watch and notifies once when provisioning is no longer pending', async () => {
    const created = await watch();
    clock.advance(15 * MINUTE);
    await job().run();
    await job().run();
    expect(notified.map(({ watch: w, ending }) => [w.id, ending])).toEqual([
      [created.id, { kind: 'ready', status: 'success' }],
    ]);
    expect(await store.provisioningWatches.find(created.id)).toMatchObject({
      status: 'notified',
      finalStatus: 'success',
    });
    const audited = await store.audit.query({
      action: 'provisioning.watch.notify',
      actorId: created.requesterId,
    });
    expect(audited).toEqual([
      expect.objectContaining({
        outcome: 'succeeded',
        customerId: contoso190,
        subscriptionId: pendingSubscription.toLowerCase(),
        details: { watchId: created.id, ending: 'ready', status: 'success' },
      }),
    ]);
  });

  it('keeps watching when the status cannot be read, and gives up once it has waited long enough', async () => {
    const created = await watch({ expiresAt: at(10) });
    simulator.faults.add({ route: STATUS, status: 503 });
    clock.advance(5 * MINUTE);
    await job().run();
    expect(await store.provisioningWatches.find(created.id)).toMatchObject({
      status: 'watching',
      nextCheckAt: at(10),
    });
    clock.advance(5 * MINUTE);
    await job().run();
    expect(notified.map(({ ending }) => ending)).toEqual([{ kind: 'gaveUp' }]);
    expect(await store.provisioningWatches.find(created.id)).toMatchObject({ status: 'gave_up' });
  });

  it('still reports a status that ended at the last check instead of giving up', async () => {
    await watch({ expiresAt: at(15) });
    clock.advance(15 * MINUTE);
    await job().run();
    expect(notified.map(({ ending }) => ending)).toEqual([{ kind: 'ready', status: 'success' }]);
  });

  it('never notifies twice when two instances run at the same moment', async () => {
    for (let index = 0; index < 4; index++) await watch();
    clock.advance(15 * MINUTE);
    await Promise.all([job('instance-a').run(), job('instance-b').run()]);
    await Promise.all([job('instance-a').run(), job('instance-b').run()]);
    expect(notified).toHaveLength(4);
    expect(new Set(notified.map(({ watch: w }) => w.id)).size).toBe(4);
  });

  it('does not repeat a notification whose sending failed (never twice rather than at least once)', async () => {
    const created = await watch();
    clock.advance(15 * MINUTE);
    let attempts = 0;
    const failing = job('instance-a', async () => {
      attempts += 1;
      throw new Error('connector unreachable');
    });
    await failing.run();
    await failing.run();
    expect(attempts).toBe(1);
    expect(await store.provisioningWatches.find(created.id)).toMatchObject({ status: 'notified' });
    const [audited] = await store.audit.query({
      action: 'provisioning.watch.notify',
      actorId: created.requesterId,
    });
    expect(audited).toMatchObject({ outcome: 'failed', details: { watchId: created.id } });
  });
});
