import { randomUUID } from 'node:crypto';
import type { NewProvisioningWatch } from '../../src/store/provisioning-watches';
import { retentionJob } from '../../src/store/retention';
import { engines, type Harness, openHarness, uniquePrefix } from './engines';

// Dates long past, so that a purge in this test never reaches rows other tests write to a shared database.
const cutoff = new Date('2000-01-01T00:00:00Z');
const before = new Date('1999-06-01T00:00:00Z');
const after = new Date('2000-06-01T00:00:00Z');

describe.each(engines)('store retention on %s', (engine) => {
  let harness: Harness;
  let customerId: string;

  beforeAll(async () => {
    harness = await openHarness(engine);
  });
  beforeEach(() => {
    customerId = uniquePrefix('customer');
  });
  afterAll(async () => {
    await harness?.store.close();
  });

  const operation = (expiresAt: Date) =>
    harness.store.operations.create({
      kind: 'user.resetPassword',
      customerId,
      targetUserId: randomUUID(),
      facts: { userPrincipalName: 'alex@contoso.onmicrosoft.com', forceChange: true },
      createdBy: 'aad-alex',
      expiresAt,
    });

  const watch = async (at: Date, subscriptionId = randomUUID()) => {
    const started = await harness.store.provisioningWatches.start({
      requesterId: 'aad-alex',
      conversationReference: { conversation: { id: 'personal' } },
      locale: 'fr-FR',
      customerId,
      subscriptionId,
      createdAt: at,
      expiresAt: new Date(at.getTime() + 60_000),
      nextCheckAt: at,
    } satisfies NewProvisioningWatch);
    return started.watch;
  };

  const endWatch = async (id: string, at: Date) => {
    const claimed = (await harness.store.provisioningWatches.claimDue('test', at, 60_000, 1_000)).find(
      (candidate) => candidate.id === id,
    );
    if (!claimed) throw new Error('watch not claimed');
    expect(
      await harness.store.provisioningWatches.finish(
        claimed,
        { status: 'notified', finalStatus: 'success' },
        at,
      ),
    ).toBe(true);
  };

  const stateRow = (key: string, updatedAt: Date) =>
    harness.db.query(
      `INSERT INTO bot_state (key, value, etag, updated_at) VALUES ($1, '{}'::jsonb, 'e', $2)`,
      [key, updatedAt],
    );

  it('deletes one-time operations that expired before the cutoff, and keeps the others', async () => {
    const expired = await operation(before);
    const live = await operation(after);
    const purged = await harness.store.retention.purge(cutoff);
    expect(purged.oneTimeOperations).toBe(1);
    expect(await harness.store.operations.find(expired.id)).toBeUndefined();
    expect(await harness.store.operations.find(live.id)).toBeDefined();
  });

  it('deletes watches that ended before the cutoff, never one still watching', async () => {
    const ended = await watch(before);
    await endWatch(ended.id, before);
    const stillWatching = await watch(before);
    const endedLater = await watch(after);
    await endWatch(endedLater.id, after);
    const purged = await harness.store.retention.purge(cutoff);
    expect(purged.provisioningWatches).toBe(1);
    expect(await harness.store.provisioningWatches.find(ended.id)).toBeUndefined();
    expect((await harness.store.provisioningWatches.find(stillWatching.id))?.status).toBe('watching');
    expect(await harness.store.provisioningWatches.find(endedLater.id)).toBeDefined();
  });

  it('deletes ticket forms and notes untouched since the cutoff, and no other bot state', async () => {
    const oldForm = `submissions/ticket-form/${uniquePrefix('old')}`;
    const newForm = `submissions/ticket-note/${uniquePrefix('new')}`;
    const conversation = `${uniquePrefix('msteams')}/conversations/a`;
    await stateRow(oldForm, before);
    await stateRow(newForm, after);
    await stateRow(conversation, before);
    const purged = await harness.store.retention.purge(cutoff);
    expect(purged.submissions).toBe(1);
    const left = await harness.store.state.read([oldForm, newForm, conversation]);
    expect([...left.keys()].sort()).toEqual([conversation, newForm].sort());
  });

  it('runs every hour and at start, purging what ended more than the kept days ago', async () => {
    const expired = await operation(before);
    const logged: unknown[] = [];
    const logger = { info: (fields: unknown) => logged.push(fields) } as never;
    const job = retentionJob(harness.store.retention, 7, logger, () => new Date('2000-01-08T00:00:00Z'));
    expect(job).toMatchObject({ name: 'store-retention', intervalMs: 3_600_000, runAtStart: true });
    await job.run();
    expect(await harness.store.operations.find(expired.id)).toBeUndefined();
    expect(logged).toEqual([{ purged: expect.objectContaining({ oneTimeOperations: 1 }), keepDays: 7 }]);
  });
});
