import { randomUUID } from 'node:crypto';
import { stepFor } from '../../src/approvals/approval-state';
import { silentLogger } from '../../src/log';
import type { NewApprovalRequest } from '../../src/store/approvals';
import { openExecutor } from '../../src/store/open-store';
import { engines, type Harness, inSchema, openHarness, postgresUrl, uniquePrefix } from './engines';

const t0 = new Date('2026-03-02T09:00:00.000Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const megan = { id: '7c3d9e2f-1a45-4f8b-8d12-4b9e3c8f7a32', name: 'Megan Bowen' };
const adele = { id: '9e4f1a3b-2c56-4a9d-9e23-5cae4d9a8b43', name: 'Adele Vance' };
const alex = { id: '5f2e8a1c-7d34-4b6e-9c01-3a8f2d7e6b21', name: 'Alex Wilber' };

function newRequest(overrides: Partial<NewApprovalRequest> = {}): NewApprovalRequest {
  return {
    kind: 'subscription.suspend',
    requester: { ...megan, teamsUserId: '29:megan' },
    requesterConversation: { conversation: { id: 'personal-megan' }, serviceUrl: 'http://127.0.0.1:1' },
    locale: 'en-US',
    timeZone: 'America/New_York',
    customerId: randomUUID(),
    subscriptionId: randomUUID(),
    etag: 'eyJ2ZXJzaW9uIjoxfQ',
    reason: 'Unpaid invoices since January — “final notice” sent',
    facts: { companyName: 'Contoso', offerName: 'Office 365 E3', quantity: 25 },
    createdAt: t0,
    expiresAt: minutes(24 * 60),
    ...overrides,
  };
}

/** PostgreSQL runs in a schema of its own: the approvals channel is one row per database. */
async function openIsolated(engine: (typeof engines)[number]): Promise<Harness & { drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const harness = await openHarness(engine);
    return { ...harness, drop: async () => {} };
  }
  const schema = uniquePrefix('approvals').replace('-', '_');
  const admin = await openExecutor({ databaseUrl: postgresUrl, logger: silentLogger() });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const harness = await openHarness(engine, inSchema(postgresUrl ?? '', schema));
  return {
    ...harness,
    drop: async () => {
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

describe.each(engines)('approval repository on %s', (engine) => {
  let harness: Harness & { drop(): Promise<void> };
  const repository = () => harness.store.approvals;

  beforeAll(async () => {
    harness = await openIsolated(engine);
  });
  afterAll(async () => {
    await harness?.store.close();
    await harness?.drop();
  });

  it('stores a pending request and reads it back field for field', async () => {
    const input = newRequest();
    const created = await repository().create(input);
    if (!created.created) throw new Error('expected a new request');
    expect(created.request).toMatchObject({ ...input, status: 'pending', cards: [] });
    expect(created.request.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await repository().find(created.request.id)).toEqual(created.request);
    expect(await repository().find(randomUUID())).toBeUndefined();
  });

  it('keeps the requester’s time zone next to the locale, and reads a request made without one as having none', async () => {
    const { timeZone: _none, ...withoutZone } = newRequest();
    const created = await repository().create(withoutZone);
    if (!created.created) throw new Error('expected a new request');
    expect(created.request).not.toHaveProperty('timeZone');
    const zoned = await repository().create(newRequest({ locale: 'zh-TW', timeZone: 'Asia/Taipei' }));
    if (!zoned.created) throw new Error('expected a new request');
    expect(await repository().find(zoned.request.id)).toMatchObject({
      locale: 'zh-TW',
      timeZone: 'Asia/Taipei',
    });
  });

  it('keeps one open request per kind and target, and answers a second one with the first', async () => {
    const input = newRequest();
    const first = await repository().create(input);
    const second = await repository().create({ ...input, requester: alex, reason: 'again' });
    expect(second).toEqual({ created: false, existing: first.created && first.request });
    const otherKind = await repository().create({ ...input, kind: 'subscription.reactivate' });
    expect(otherKind.created).toBe(true);
  });

  it('allows a new request once the previous one is closed', async () => {
    const input = newRequest();
    const first = await repository().create(input);
    if (!first.created) throw new Error('expected a new request');
    await repository().advance(first.request.id, [{ ...stepFor('cancel'), decidedBy: megan }], minutes(1));
    expect((await repository().create(input)).created).toBe(true);
  });

  it('applies approve and execute in one transaction, recording who decided, when and why', async () => {
    const { request } = (await repository().create(newRequest())) as { request: { id: string } };
    const moved = await repository().advance(
      request.id,
      [{ ...stepFor('approve'), decidedBy: adele, comment: 'Confirmed with finance' }, stepFor('execute')],
      minutes(5),
      { unexpiredAt: minutes(5), notRequester: adele.id },
    );
    expect(moved).toMatchObject({
      applied: true,
      request: {
        status: 'executing',
        decidedBy: adele,
        decidedAt: minutes(5),
        comment: 'Confirmed with finance',
        startedAt: minutes(5),
      },
    });
  });

  it('changes nothing when a later step of the transaction does not apply', async () => {
    const { request } = (await repository().create(newRequest())) as { request: { id: string } };
    const moved = await repository().advance(
      request.id,
      [{ ...stepFor('approve'), decidedBy: adele }, stepFor('succeed')],
      minutes(5),
    );
    expect(moved).toMatchObject({ applied: false, request: { status: 'pending' } });
    expect((await repository().find(request.id))?.decidedBy).toBeUndefined();
  });

  it('refuses a decision by the requester and a decision after the expiry, whatever the step says', async () => {
    const { request } = (await repository().create(newRequest())) as { request: { id: string } };
    const self = await repository().advance(
      request.id,
      [{ ...stepFor('approve'), decidedBy: megan }],
      minutes(1),
      {
        notRequester: megan.id,
      },
    );
    expect(self).toMatchObject({ applied: false, request: { status: 'pending' } });
    const late = await repository().advance(
      request.id,
      [{ ...stepFor('approve'), decidedBy: adele }],
      minutes(24 * 60),
      { unexpiredAt: minutes(24 * 60) },
    );
    expect(late).toMatchObject({ applied: false, request: { status: 'pending' } });
  });

  it('lets exactly one of many concurrent approvals through', async () => {
    const { request } = (await repository().create(newRequest())) as { request: { id: string } };
    const attempts = await Promise.all(
      [adele, alex, adele, alex, adele, alex].map((decider) =>
        repository().advance(
          request.id,
          [{ ...stepFor('approve'), decidedBy: decider }, stepFor('execute')],
          minutes(2),
          { unexpiredAt: minutes(2), notRequester: decider.id },
        ),
      ),
    );
    expect(attempts.filter((attempt) => attempt.applied)).toHaveLength(1);
    expect(attempts.every((attempt) => attempt.request?.status === 'executing')).toBe(true);
  });

  it('finishes an execution once, with its result or its error code', async () => {
    const { request } = (await repository().create(newRequest())) as { request: { id: string } };
    await repository().advance(
      request.id,
      [{ ...stepFor('approve'), decidedBy: adele }, stepFor('execute')],
      minutes(2),
    );
    const failed = await repository().advance(
      request.id,
      [{ ...stepFor('fail'), errorCode: 'PC_STALE_ETAG' }],
      minutes(3),
    );
    expect(failed).toMatchObject({
      applied: true,
      request: { status: 'failed', errorCode: 'PC_STALE_ETAG' },
    });
    expect(failed.request?.completedAt).toEqual(minutes(3));
    const again = await repository().advance(
      request.id,
      [{ ...stepFor('succeed'), result: { status: 'suspended' } }],
      minutes(4),
    );
    expect(again).toMatchObject({ applied: false, request: { status: 'failed' } });
  });

  it('expires pending requests past their expiry, once, and leaves the others', async () => {
    const soon = await repository().create(newRequest({ expiresAt: minutes(10) }));
    const later = await repository().create(newRequest({ expiresAt: minutes(60) }));
    const first = await repository().expireDue(minutes(30));
    const ids = first.map((request) => request.id);
    expect(ids).toContain(soon.created && soon.request.id);
    expect(ids).not.toContain(later.created && later.request.id);
    expect(first.find((request) => request.id === (soon.created && soon.request.id))).toMatchObject({
      status: 'expired',
      completedAt: minutes(30),
    });
    expect((await repository().expireDue(minutes(30))).map((request) => request.id)).not.toContain(
      soon.created && soon.request.id,
    );
  });

  it('lists pending requests oldest first, all or the requester’s own', async () => {
    const mine = await repository().create(
      newRequest({ createdAt: minutes(-2), expiresAt: minutes(10_000) }),
    );
    const theirs = await repository().create(
      newRequest({ requester: { ...alex }, createdAt: minutes(-1), expiresAt: minutes(10_000) }),
    );
    const all = (await repository().listPending({ limit: 500 })).map((request) => request.id);
    expect(all.indexOf(mine.created ? mine.request.id : '')).toBeLessThan(
      all.indexOf(theirs.created ? theirs.request.id : ''),
    );
    const own = await repository().listPending({ requesterId: alex.id, limit: 500 });
    expect(own.every((request) => request.requester.id === alex.id)).toBe(true);
    expect(own.map((request) => request.id)).toContain(theirs.created && theirs.request.id);
  });

  it('finds executions left running by a stopped process', async () => {
    const { request } = (await repository().create(newRequest())) as { request: { id: string } };
    await repository().advance(
      request.id,
      [{ ...stepFor('approve'), decidedBy: adele }, stepFor('execute')],
      minutes(1),
    );
    expect((await repository().listExecutingSince(minutes(2))).map((item) => item.id)).toContain(request.id);
    expect((await repository().listExecutingSince(minutes(1))).map((item) => item.id)).not.toContain(
      request.id,
    );
  });

  it('records every card posted for a request', async () => {
    const { request } = (await repository().create(newRequest())) as { request: { id: string } };
    const channel = { conversation: { conversation: { id: '19:approvals@thread.tacv2' } }, activityId: 'a1' };
    await repository().addCard(request.id, { ...channel, audience: 'approvers' });
    await repository().addCard(request.id, { ...channel, activityId: 'a2', audience: 'requester' });
    expect((await repository().find(request.id))?.cards).toEqual([
      { ...channel, audience: 'approvers' },
      { ...channel, activityId: 'a2', audience: 'requester' },
    ]);
  });

  it('keeps the approvals channel, replacing it when set again', async () => {
    expect(await repository().approvalsChannel()).toBeUndefined();
    const first = { conversation: { conversation: { id: 'c1' } }, name: 'Approvals', setBy: alex, setAt: t0 };
    await repository().setApprovalsChannel(first);
    expect(await repository().approvalsChannel()).toEqual(first);
    const second = { conversation: { conversation: { id: 'c2' } }, setBy: alex, setAt: minutes(1) };
    await repository().setApprovalsChannel(second);
    expect(await repository().approvalsChannel()).toEqual(second);
  });

  it('remembers approvers’ Teams ids, most recently seen first, once each', async () => {
    await repository().rememberApprover({ ...adele, teamsUserId: '29:adele-old' }, minutes(1));
    await repository().rememberApprover({ ...alex, teamsUserId: '29:alex' }, minutes(2));
    await repository().rememberApprover({ ...adele, teamsUserId: '29:adele' }, minutes(3));
    expect(await repository().approverTeamsUserIds(60)).toEqual(['29:adele', '29:alex']);
    expect(await repository().approverTeamsUserIds(1)).toEqual(['29:adele']);
  });
});
