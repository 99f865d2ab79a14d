import type { NewOneTimeOperation } from '../../src/store/store';
import { engines, type Harness, openHarness, uniquePrefix } from './engines';

const now = new Date('2026-03-02T10:00:00Z');
const inAnHour = new Date('2026-03-02T11:00:00Z');
const alex = { id: 'aad-alex', name: 'Alex Wilber' };
const megan = { id: 'aad-megan', name: 'Megan Bowen' };

describe.each(engines)('one-time operations on %s', (engine) => {
  let harness: Harness;
  let customerId: string;

  const operation = (change: Partial<NewOneTimeOperation> = {}): NewOneTimeOperation => ({
    kind: 'user.resetPassword',
    customerId,
    targetUserId: '94a1f736-6795-4519-adf4-c10a9eb2d533',
    facts: { userPrincipalName: 'alex.wilber@dakotamall.onmicrosoft.com', forceChange: true },
    createdBy: alex.id,
    expiresAt: inAnHour,
    ...change,
  });

  beforeAll(async () => {
    harness = await openHarness(engine);
  });
  beforeEach(() => {
    customerId = uniquePrefix('customer');
  });
  afterAll(async () => {
    await harness?.store.close();
  });

  it('creates a pending operation with an opaque id and reads it back with its facts', async () => {
    const created = await harness.store.operations.create(operation());
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created).toMatchObject({ status: 'pending', customerId, createdBy: alex.id, expiresAt: inAnHour });
    expect(await harness.store.operations.find(created.id)).toEqual(created);
    expect(await harness.store.operations.find('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('lets the first claim win and tells every later one who took it and when', async () => {
    const { id } = await harness.store.operations.create(operation());
    const first = await harness.store.operations.claim(id, 'user.resetPassword', alex, now);
    expect(first).toMatchObject({ claimed: true, operation: { status: 'claimed', claimedBy: alex.id } });
    const second = await harness.store.operations.claim(
      id,
      'user.resetPassword',
      megan,
      new Date(now.getTime() + 50),
    );
    expect(second).toMatchObject({
      claimed: false,
      reason: 'taken',
      operation: { claimedBy: alex.id, claimedByName: alex.name, claimedAt: now },
    });
  });

  it('lets exactly one of many simultaneous claims win', async () => {
    const { id } = await harness.store.operations.create(operation());
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        harness.store.operations.claim(id, 'user.resetPassword', { id: `aad-${index}` }, now),
      ),
    );
    expect(claims.filter((claim) => claim.claimed)).toHaveLength(1);
  });

  it('refuses to claim an operation through another kind (a restore id on the reset button)', async () => {
    const { id } = await harness.store.operations.create(operation({ kind: 'user.restore' }));
    expect(await harness.store.operations.claim(id, 'user.resetPassword', alex, now)).toEqual({
      claimed: false,
      reason: 'unknown',
    });
    expect((await harness.store.operations.find(id))?.status).toBe('pending');
  });

  it('refuses to claim an expired or unknown operation', async () => {
    const { id } = await harness.store.operations.create(operation({ expiresAt: now }));
    expect(await harness.store.operations.claim(id, 'user.resetPassword', alex, now)).toMatchObject({
      claimed: false,
      reason: 'expired',
    });
    expect(
      await harness.store.operations.claim(
        '00000000-0000-4000-8000-000000000000',
        'user.resetPassword',
        alex,
        now,
      ),
    ).toEqual({
      claimed: false,
      reason: 'unknown',
    });
  });

  it('records the result of a claimed operation once, and never completes an unclaimed one', async () => {
    const { id } = await harness.store.operations.create(operation());
    expect(
      await harness.store.operations.complete(id, 'succeeded', { requestId: 'r-1' }, now),
    ).toBeUndefined();
    await harness.store.operations.claim(id, 'user.resetPassword', alex, now);
    const done = await harness.store.operations.complete(id, 'succeeded', { requestId: 'r-1' }, inAnHour);
    expect(done).toMatchObject({ status: 'succeeded', outcome: { requestId: 'r-1' }, completedAt: inAnHour });
    expect(await harness.store.operations.complete(id, 'failed', { code: 'X' }, inAnHour)).toBeUndefined();
    expect((await harness.store.operations.find(id))?.status).toBe('succeeded');
    expect(
      (await harness.store.operations.claim(id, 'user.resetPassword', megan, now)) as object,
    ).toMatchObject({
      claimed: false,
      reason: 'taken',
    });
  });
});
