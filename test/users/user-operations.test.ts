import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { createLogger, silentLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import type { SqlExecutor } from '../../src/store/sql-executor';
import type { Store } from '../../src/store/store';
import { entraPolicyProblem } from '../../src/users/password-generator';
import { type Actor, CONFIRMATION_TTL_MS, UserOperations } from '../../src/users/user-operations';
import { client, manualClock } from '../simulator/sim-client';
import { openHarness } from '../store/engines';

/**
 * Resets and restores against the simulator over HTTP, with the one-time operations and audit rows in a real
 * (PGlite) store. Two clocks: the simulator's (which purges deleted users) and the bot's (restore windows,
 * confirmation expiry).
 */

const dakota = 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f';
const dakotaUsers = `/v1/customers/${dakota}/users`;
const people = {
  alexWilber: '94a1f736-6795-4519-adf4-c10a9eb2d533',
  lidia: '415f9de8-e816-4c30-be9c-36e70d5cf0cf',
  megan: '9ee43b2e-4d5e-4e27-9d99-6122e319bd49',
  admin: '7f316de0-3bcc-4ccf-b17f-531a39437e67',
  johnDoe: '46098a56-a329-406f-8511-e72ea17d44cd',
  pradeep: '3a1aa550-150f-463e-82da-ae36446270e2',
  isaiah: '61d9dbc1-fd68-436a-ae6b-2ca3c2068ff1',
};
const resetRoute = 'PATCH /v1/customers/{customer-tenant-id}/users/{user-id}/resetpassword';
const restoreRoute = 'PATCH /v1/customers/{customer-tenant-id}/users/{user-id}';
const DAY = 24 * 60 * 60 * 1000;

const alex: Actor = { id: '5f2e8a1c-7d34-4b6e-9c01-3a8f2d7e6b21', name: 'Alex Agent', roles: ['agent'] };
const megan: Actor = { id: '7c3d9e2f-1a45-4f8b-8d12-4b9e3c8f7a32', name: 'Megan Bowen', roles: ['agent'] };

let simulator: RunningSimulator;
let partnerCenter: PartnerCenterClient;
let store: Store;
let db: SqlExecutor;
let simClock: ReturnType<typeof manualClock>;
let botClock: ReturnType<typeof manualClock>;
let service: UserOperations;
const logLines: string[] = [];
let correlation = 0;
const ctx = () => ({ correlationId: `corr-${++correlation}` });

beforeAll(async () => {
  ({ store, db } = await openHarness('pglite'));
});
afterAll(async () => {
  await store.close();
});

beforeEach(async () => {
  simClock = manualClock('2026-03-01T12:00:00Z');
  botClock = manualClock('2026-03-01T12:00:00Z');
  simulator = await startSimulator({ now: simClock.now, logger: silentLogger() });
  partnerCenter = new PartnerCenterClient({
    baseUrl: simulator.url,
    tokens: noTokenProvider,
    logger: createLogger({ level: 'trace' }, { write: (line: string) => logLines.push(line) }),
    retry: { maxAttempts: 1 },
  });
  service = new UserOperations({
    partnerCenter,
    operations: store.operations,
    audit: store.audit,
    passwordLength: 16,
    now: botClock.now,
  });
});
afterEach(async () => {
  await partnerCenter.close();
  await simulator.close();
});

async function auditRows(correlationId: string) {
  return store.audit
    .query({ limit: 50 })
    .then((rows) => rows.filter((row) => row.correlationId === correlationId));
}

async function everyStoredRow(): Promise<string> {
  const tables = ['audit_log', 'one_time_operations', 'bot_state'];
  const dumps = await Promise.all(tables.map((table) => db.query(`SELECT * FROM ${table}`)));
  return JSON.stringify(dumps.map((dump) => dump.rows));
}

async function preparedReset(userId = people.alexWilber) {
  const prepared = await service.prepareReset(ctx(), alex, dakota, userId);
  if (prepared.kind !== 'confirm') throw new Error(`expected a confirmation, got ${prepared.kind}`);
  return prepared;
}

describe('a password reset', () => {
  it('asks for confirmation first: nothing changes until then', async () => {
    const prepared = await preparedReset();
    expect(prepared.target).toEqual({
      customerId: dakota,
      companyName: 'Dakota mall',
      userId: people.alexWilber,
      displayName: 'Alex Wilber',
      userPrincipalName: 'alex.wilber@dakotamall.onmicrosoft.com',
    });
    expect(await store.operations.find(prepared.operationId)).toMatchObject({
      status: 'pending',
      createdBy: alex.id,
    });
    expect(simulator.calls.count(resetRoute)).toBe(0);
  });

  it('resets once on confirmation, returns the new password only to the caller, and keeps it nowhere', async () => {
    logLines.length = 0;
    const prepared = await preparedReset();
    const confirmCtx = ctx();
    const result = await service.confirmReset(confirmCtx, alex, prepared.operationId, true);
    if (result.kind !== 'reset') throw new Error(result.kind);
    expect(result.password).toHaveLength(16);
    expect(entraPolicyProblem(result.password)).toBeUndefined();
    expect(result).toMatchObject({ forceChange: true, by: 'Alex Agent', at: botClock.now() });
    expect(simulator.calls.count(resetRoute)).toBe(1);

    expect(await everyStoredRow()).not.toContain(result.password);
    expect(logLines.join('\n')).not.toContain(result.password);
    expect(logLines.length).toBeGreaterThan(0);

    const [row] = await auditRows(confirmCtx.correlationId);
    expect(row).toMatchObject({
      actorId: alex.id,
      actorName: 'Alex Agent',
      roles: ['agent'],
      action: 'user.resetPassword',
      outcome: 'succeeded',
      customerId: dakota,
      targetUserId: people.alexWilber,
      details: {
        operationId: prepared.operationId,
        forceChange: true,
        partnerCenterCorrelationId: confirmCtx.correlationId,
        partnerCenterRequestIds: [
          expect.stringMatching(/^[0-9a-f-]{36}$/),
          expect.stringMatching(/^[0-9a-f-]{36}$/),
        ],
      },
    });
  });

  it('answers a second click "already done by X at T" without a second reset', async () => {
    const prepared = await preparedReset();
    await service.confirmReset(ctx(), alex, prepared.operationId, true);
    botClock.advance(5000);
    const again = await service.confirmReset(ctx(), megan, prepared.operationId, false);
    expect(again).toEqual({
      kind: 'alreadyDone',
      done: {
        target: prepared.target,
        status: 'succeeded',
        by: 'Alex Agent',
        at: new Date('2026-03-01T12:00:00Z'),
      },
    });
    expect(JSON.stringify(again)).not.toMatch(/password/i);
    expect(simulator.calls.count(resetRoute)).toBe(1);
  });

  it('lets exactly one of two agents clicking at once reset the password', async () => {
    const prepared = await preparedReset();
    const results = await Promise.all([
      service.confirmReset(ctx(), alex, prepared.operationId, true),
      service.confirmReset(ctx(), megan, prepared.operationId, true),
    ]);
    expect(results.map((result) => result.kind).sort()).toEqual(['alreadyDone', 'reset']);
    expect(simulator.calls.count(resetRoute)).toBe(1);
  });

  it("gives Teams' retry of a slow confirmation, from the same agent, the same answer and still one reset", async () => {
    simulator.faults.add({ route: resetRoute, latencyMs: 300, times: 1 });
    const prepared = await preparedReset();
    const first = service.confirmReset(ctx(), alex, prepared.operationId, true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const retry = await service.confirmReset(ctx(), alex, prepared.operationId, true);
    expect(retry).toEqual(await first);
    expect(retry.kind).toBe('reset');
    expect(simulator.calls.count(resetRoute)).toBe(1);
  });

  it.each([
    ['Megan Bowen', people.megan, 'Helpdesk Administrator'],
    ['the Global Administrator', people.admin, 'Global Administrator'],
    ['John Doe', people.johnDoe, 'User Account Administrator'],
  ])('refuses to reset %s, who holds an admin role, and audits the refusal', async (_name, userId, role) => {
    const prepareCtx = ctx();
    const refused = await service.prepareReset(prepareCtx, alex, dakota, userId);
    expect(refused).toMatchObject({ kind: 'refused', roles: [{ name: role }] });
    const [row] = await auditRows(prepareCtx.correlationId);
    expect(row).toMatchObject({
      action: 'user.resetPassword',
      outcome: 'denied',
      targetUserId: userId,
      details: { reason: 'privilegedTarget', roles: [role], partnerCenterRequestIds: [expect.any(String)] },
    });
    expect(simulator.calls.count(resetRoute)).toBe(0);
  });

  it('refuses an expired confirmation, an unknown id, and a restore id on the reset button', async () => {
    const prepared = await preparedReset();
    botClock.advance(CONFIRMATION_TTL_MS);
    expect(await service.confirmReset(ctx(), alex, prepared.operationId, true)).toEqual({
      kind: 'expired',
      target: prepared.target,
    });
    expect(await service.confirmReset(ctx(), alex, '5b0c2b2e-1111-4a4a-8a8a-123456789abc', true)).toEqual({
      kind: 'unknown',
    });
    const restore = await service.prepareRestore(ctx(), alex, dakota, people.pradeep, 'message');
    if (restore.kind !== 'confirm') throw new Error(restore.kind);
    expect((await service.confirmReset(ctx(), alex, restore.operationId, true)).kind).toBe('unknown');
    expect(simulator.calls.count(resetRoute)).toBe(0);
  });

  it('records a Partner Center failure with its code and request id, and never retries it on a second click', async () => {
    simulator.faults.add({ route: resetRoute, status: 503, times: 1 });
    const prepared = await preparedReset();
    const confirmCtx = ctx();
    await expect(service.confirmReset(confirmCtx, alex, prepared.operationId, true)).rejects.toMatchObject({
      code: 'PC_UNAVAILABLE',
    });
    const [row] = await auditRows(confirmCtx.correlationId);
    expect(row).toMatchObject({
      outcome: 'failed',
      details: {
        code: 'PC_UNAVAILABLE',
        httpStatus: 503,
        partnerCenterRequestIds: [expect.any(String), expect.any(String)],
      },
    });
    expect(await service.confirmReset(ctx(), alex, prepared.operationId, true)).toMatchObject({
      kind: 'alreadyDone',
      done: { status: 'failed' },
    });
  });

  it('says the user is gone when Partner Center no longer knows them', async () => {
    const prepared = await preparedReset(people.lidia);
    await client(simulator).delete(`${dakotaUsers}/${people.lidia}`);
    expect(await service.confirmReset(ctx(), alex, prepared.operationId, true)).toMatchObject({
      kind: 'userGone',
    });
  });

  it('says so when the user or the customer does not exist', async () => {
    expect(await service.prepareReset(ctx(), alex, dakota, '5b0c2b2e-1111-4a4a-8a8a-123456789abc')).toEqual({
      kind: 'notFound',
    });
  });
});

describe('a restore', () => {
  async function preparedRestore(userId = people.pradeep) {
    const prepared = await service.prepareRestore(ctx(), alex, dakota, userId, 'deletedUsers');
    if (prepared.kind !== 'confirm') throw new Error(`expected a confirmation, got ${prepared.kind}`);
    return prepared;
  }

  it('restores a user deleted 2 days ago once, after confirmation, and audits it', async () => {
    const prepared = await preparedRestore();
    expect(prepared.window).toMatchObject({ daysLeft: 28, restorable: true });
    const confirmCtx = ctx();
    const result = await service.confirmRestore(confirmCtx, alex, prepared.operationId);
    expect(result).toMatchObject({ kind: 'restored', origin: 'deletedUsers', by: 'Alex Agent' });
    expect((await client(simulator).get(`${dakotaUsers}/${people.pradeep}`)).body.state).toBe('active');
    const [row] = await auditRows(confirmCtx.correlationId);
    expect(row).toMatchObject({
      action: 'user.restore',
      outcome: 'succeeded',
      customerId: dakota,
      targetUserId: people.pradeep,
      details: { operationId: prepared.operationId, partnerCenterRequestIds: [expect.any(String)] },
    });
    expect((await service.confirmRestore(ctx(), megan, prepared.operationId)).kind).toBe('alreadyDone');
    expect(simulator.calls.count(restoreRoute)).toBe(1);
  });

  it('answers "already active" for an active user', async () => {
    expect(await service.prepareRestore(ctx(), alex, dakota, people.alexWilber, 'message')).toMatchObject({
      kind: 'alreadyActive',
      target: { displayName: 'Alex Wilber' },
    });
  });

  it('answers "not found" for an unknown user, and for one purged after 30 days', async () => {
    expect(
      await service.prepareRestore(ctx(), alex, dakota, '5b0c2b2e-1111-4a4a-8a8a-123456789abc', 'message'),
    ).toMatchObject({ kind: 'notFound', customer: { id: dakota } });
    simClock.advance(4 * DAY); // Isaiah Langer was deleted 27 days before the simulator started
    botClock.advance(4 * DAY);
    expect((await service.prepareRestore(ctx(), alex, dakota, people.isaiah, 'message')).kind).toBe(
      'notFound',
    );
  });

  it('answers "purged" for a user still listed after the 30-day window closed', async () => {
    botClock.advance(4 * DAY);
    expect(await service.prepareRestore(ctx(), alex, dakota, people.isaiah, 'message')).toMatchObject({
      kind: 'purged',
      window: { daysLeft: 0, restorable: false },
    });
  });

  it('answers "purged" when the window closes between the card and the confirmation', async () => {
    const prepared = await preparedRestore(people.isaiah);
    simClock.advance(4 * DAY);
    expect(await service.confirmRestore(ctx(), alex, prepared.operationId)).toMatchObject({ kind: 'purged' });
  });

  it('answers "conflict" when a newer user holds the same UPN, before and after the card', async () => {
    const prepared = await preparedRestore();
    const created = await client(simulator).post(dakotaUsers, {
      userPrincipalName: 'pradeep.gupta@dakotamall.onmicrosoft.com',
      displayName: 'Pradeep Gupta (new)',
      passwordProfile: { password: 'abCD123*', forceChangePassword: true },
    });
    expect(created.status).toBe(200);
    expect(await service.confirmRestore(ctx(), alex, prepared.operationId)).toMatchObject({
      kind: 'conflict',
    });
    expect(await service.prepareRestore(ctx(), alex, dakota, people.pradeep, 'message')).toMatchObject({
      kind: 'conflict',
      holder: { displayName: 'Pradeep Gupta (new)' },
    });
  });

  it('answers "customer not found" for an unknown customer', async () => {
    expect(
      await service.prepareRestore(
        ctx(),
        alex,
        '5b0c2b2e-1111-4a4a-8a8a-123456789abc',
        people.pradeep,
        'message',
      ),
    ).toEqual({ kind: 'customerNotFound' });
  });
});
