import { randomUUID } from 'node:crypto';
import {
  type Actor,
  ApprovalEngine,
  INTERRUPTED,
  MAX_REASON_LENGTH,
  type RequestInput,
  STUCK_EXECUTION_MS,
} from '../../src/approvals/approval-engine';
import type { ApprovalKind, Execution } from '../../src/approvals/approval-kind';
import { stepFor } from '../../src/approvals/approval-state';
import { onlyCustomers } from '../../src/auth/customer-scope';
import { AppError } from '../../src/errors';
import { silentLogger } from '../../src/log';
import type { ApprovalRequest } from '../../src/store/approvals';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';

const HOUR = 60 * 60 * 1000;
const megan: Actor = {
  id: '7C3D9E2F-1A45-4F8B-8D12-4B9E3C8F7A32',
  name: 'Megan Bowen',
  roles: ['viewer', 'agent'],
};
const adele: Actor = {
  id: '9e4f1a3b-2c56-4a9d-9e23-5cae4d9a8b43',
  name: 'Adele Vance',
  roles: ['viewer', 'approver'],
};
const alex: Actor = { id: '5f2e8a1c-7d34-4b6e-9c01-3a8f2d7e6b21', name: 'Alex Wilber', roles: ['admin'] };
const isaiah: Actor = {
  id: 'b15a2b4c-3d67-4bae-af34-6dbf5eab9c54',
  name: 'Isaiah Langer',
  roles: ['viewer'],
};

/** A kind whose target lives in this test: what Partner Center would hold, and every attempt to change it. */
class TestKind implements ApprovalKind {
  readonly name = 'test.change';
  readonly requestPermission = 'suspension.request' as const;
  readonly decidePermission = 'suspension.decide' as const;
  readonly reasonRequired = true;
  targetStatus = 'active';
  executions: string[] = [];
  failWith: AppError | undefined;
  executionDelayMs = 0;
  secret: string | undefined;

  async prepare() {
    const facts = { status: this.targetStatus };
    return this.targetStatus === 'active'
      ? { ready: true as const, etag: 'etag-1', facts }
      : { ready: false as const, problem: 'wrongStatus' as const, facts };
  }

  async execute(_ctx: unknown, request: ApprovalRequest): Promise<Execution> {
    this.executions.push(request.id);
    await new Promise((resolve) => setTimeout(resolve, this.executionDelayMs));
    if (this.failWith) throw this.failWith;
    this.targetStatus = 'suspended';
    return { result: { status: 'suspended' }, ...(this.secret && { secret: this.secret }) };
  }

  async verify() {
    return this.targetStatus === 'suspended';
  }
}

let store: Store;
let kind: TestKind;
let engine: ApprovalEngine;
let now: Date;
let announced: { status: string; secret?: string }[];

beforeAll(async () => {
  store = await openStore({ dataDir: ':memory:', logger: silentLogger() });
});
afterAll(async () => {
  await store.close();
});
beforeEach(() => {
  now = new Date('2026-03-02T09:00:00.000Z');
  kind = new TestKind();
  announced = [];
  engine = new ApprovalEngine({
    repository: store.approvals,
    kinds: [kind],
    audit: store.audit,
    listener: {
      changed: async (request, delivery) => {
        announced.push({ status: request.status, ...(delivery && { secret: delivery.secret }) });
      },
    },
    logger: silentLogger(),
    expiryMs: 24 * HOUR,
    now: () => now,
  });
});

function input(overrides: Partial<RequestInput> = {}): RequestInput {
  return {
    kind: kind.name,
    requester: { ...megan, teamsUserId: '29:megan' },
    requesterConversation: { conversation: { id: 'personal-megan' } },
    locale: 'en-US',
    customerId: randomUUID(),
    subscriptionId: randomUUID(),
    reason: '  Unpaid since January  ',
    facts: { companyName: 'Contoso' },
    ctx: { correlationId: randomUUID() },
    ...overrides,
  };
}

const ctx = () => ({ correlationId: randomUUID() });

async function pending(overrides: Partial<RequestInput> = {}): Promise<ApprovalRequest> {
  const outcome = await engine.request(input(overrides));
  if (outcome.kind !== 'created') throw new Error(`expected a new request, got ${outcome.kind}`);
  return outcome.request;
}

async function auditOf(requestId: string) {
  const rows = await store.audit.query({ limit: 500 });
  return rows.filter((row) => row.details?.requestId === requestId);
}

describe('asking for approval', () => {
  it('stores a pending request with the target’s etag, the facts, the trimmed reason and the expiry', async () => {
    const request = await pending();
    expect(request).toMatchObject({
      status: 'pending',
      requester: { id: megan.id.toLowerCase(), name: 'Megan Bowen', teamsUserId: '29:megan' },
      etag: 'etag-1',
      reason: 'Unpaid since January',
      facts: { companyName: 'Contoso', status: 'active' },
      createdAt: now,
      expiresAt: new Date(now.getTime() + 24 * HOUR),
    });
  });

  it('refuses someone without the kind’s request permission, a missing reason and an over-long one', async () => {
    expect(await engine.request(input({ requester: adele }))).toEqual({
      kind: 'refused',
      reason: 'notAllowed',
    });
    expect(await engine.request(input({ reason: '   ' }))).toEqual({
      kind: 'refused',
      reason: 'reasonMissing',
    });
    expect(await engine.request(input({ reason: '😀'.repeat(MAX_REASON_LENGTH + 1) }))).toEqual({
      kind: 'refused',
      reason: 'reasonTooLong',
    });
    expect((await engine.request(input({ reason: '😀'.repeat(MAX_REASON_LENGTH) }))).kind).toBe('created');
  });

  it('refuses a target the kind cannot change, saying what it found', async () => {
    kind.targetStatus = 'suspended';
    expect(await engine.request(input())).toEqual({
      kind: 'notReady',
      problem: 'wrongStatus',
      facts: { status: 'suspended' },
    });
  });

  it('answers a second request for the same target with the open one', async () => {
    const first = await pending();
    const second = await engine.request(
      input({ customerId: first.customerId, subscriptionId: first.subscriptionId }),
    );
    expect(second).toEqual({ kind: 'duplicate', request: first });
  });
});

describe('deciding', () => {
  it('approves, executes once and announces executing then done', async () => {
    const request = await pending();
    const outcome = await engine.decide(request.id, adele, 'approve', ' Finance confirmed ', ctx());
    if (outcome.kind !== 'approved') throw new Error(outcome.kind);
    expect(outcome.request).toMatchObject({
      status: 'executing',
      decidedBy: { id: adele.id, name: 'Adele Vance' },
      comment: 'Finance confirmed',
      decidedAt: now,
    });
    const settled = await outcome.settled;
    expect(settled).toMatchObject({ status: 'done', result: { status: 'suspended' } });
    expect(kind.executions).toEqual([request.id]);
    expect(announced.map((item) => item.status)).toEqual(['executing', 'done']);
    const audit = await auditOf(request.id);
    expect(audit.map((row) => [row.action, row.outcome, row.actorId])).toEqual([
      ['approval.execute', 'succeeded', adele.id],
    ]);
  });

  it('rejects with the comment and announces it; nothing runs', async () => {
    const request = await pending();
    const outcome = await engine.decide(request.id, alex, 'reject', 'Talk to the customer first', ctx());
    expect(outcome).toMatchObject({
      kind: 'rejected',
      request: { status: 'rejected', decidedBy: { id: alex.id }, comment: 'Talk to the customer first' },
    });
    expect(kind.executions).toEqual([]);
    expect(announced.map((item) => item.status)).toEqual(['rejected']);
  });

  it('refuses the requester’s own decision, whatever their roles, and audits the refusal', async () => {
    const request = await pending({ requester: { ...alex } });
    const outcome = await engine.decide(
      request.id,
      { ...alex, id: alex.id.toUpperCase() },
      'approve',
      undefined,
      ctx(),
    );
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'selfDecision' });
    expect((await engine.find(request.id))?.status).toBe('pending');
    expect((await auditOf(request.id)).map((row) => [row.action, row.outcome, row.details?.reason])).toEqual([
      ['approval.decide', 'denied', 'selfDecision'],
    ]);
  });

  it('refuses an approver whose role does not cover the customer', async () => {
    const request = await pending();
    const scoped = { ...adele, customerScope: onlyCustomers([randomUUID()]) };
    expect(engine.mayDecide(request, scoped)).toBe(false);
    expect(await engine.decide(request.id, scoped, 'approve', undefined, ctx())).toMatchObject({
      kind: 'refused',
      reason: 'customerNotAllowed',
    });
    const covering = { ...adele, customerScope: onlyCustomers([request.customerId.toUpperCase()]) };
    expect(engine.mayDecide(request, covering)).toBe(true);
    expect(kind.executions).toEqual([]);
  });

  it('refuses viewers and agents', async () => {
    const request = await pending();
    for (const actor of [isaiah, { ...megan, id: randomUUID() }]) {
      expect(await engine.decide(request.id, actor, 'approve', undefined, ctx())).toMatchObject({
        kind: 'refused',
        reason: 'notAllowed',
      });
    }
    expect(kind.executions).toEqual([]);
  });

  it('says who decided what and when to a later decision, and changes nothing', async () => {
    const request = await pending();
    await engine.decide(request.id, adele, 'reject', 'No', ctx());
    now = new Date(now.getTime() + 60_000);
    const late = await engine.decide(request.id, alex, 'approve', undefined, ctx());
    expect(late).toMatchObject({
      kind: 'closed',
      request: {
        status: 'rejected',
        decidedBy: { name: 'Adele Vance' },
        decidedAt: new Date(now.getTime() - 60_000),
      },
    });
    expect(kind.executions).toEqual([]);
  });

  it('expires a request touched after its expiry, and refuses to decide it', async () => {
    const request = await pending();
    expect(engine.isWaiting(request)).toBe(true);
    now = new Date(now.getTime() + 24 * HOUR);
    expect(engine.isWaiting(request)).toBe(false);
    now = new Date(now.getTime() - 24 * HOUR);
    now = new Date(now.getTime() + 24 * HOUR);
    const outcome = await engine.decide(request.id, adele, 'approve', undefined, ctx());
    expect(outcome).toMatchObject({ kind: 'closed', request: { status: 'expired', completedAt: now } });
    expect(announced.map((item) => item.status)).toEqual(['expired']);
    expect(kind.executions).toEqual([]);
  });

  it('answers an unknown request id as unknown', async () => {
    expect(await engine.decide(randomUUID(), adele, 'approve', undefined, ctx())).toEqual({
      kind: 'unknown',
    });
  });

  it('runs one execution for many simultaneous approvals and retries of the same click', async () => {
    const request = await pending();
    kind.executionDelayMs = 30;
    const outcomes = await Promise.all(
      [adele, alex, adele, alex, adele].map((actor) =>
        engine.decide(request.id, actor, 'approve', undefined, ctx()),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'approved')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'closed')).toHaveLength(4);
    await engine.idle();
    expect(kind.executions).toEqual([request.id]);
  });
});

describe('executing', () => {
  it('leaves the request failed with the error code when the change fails, and never tries again', async () => {
    kind.failWith = new AppError('PC_STALE_ETAG');
    const request = await pending();
    const outcome = await engine.decide(request.id, adele, 'approve', undefined, ctx());
    if (outcome.kind !== 'approved') throw new Error(outcome.kind);
    expect(await outcome.settled).toMatchObject({ status: 'failed', errorCode: 'PC_STALE_ETAG' });
    await engine.sweep();
    expect(kind.executions).toEqual([request.id]);
    expect((await auditOf(request.id)).map((row) => [row.action, row.outcome, row.details?.code])).toEqual([
      ['approval.execute', 'failed', 'PC_STALE_ETAG'],
    ]);
  });

  it('after a timeout, reads the target: done if the change was made, failed if not', async () => {
    kind.failWith = new AppError('PC_TIMEOUT');
    const unchanged = await pending();
    const first = await engine.decide(unchanged.id, adele, 'approve', undefined, ctx());
    expect(first.kind === 'approved' && (await first.settled)).toMatchObject({
      status: 'failed',
      errorCode: 'PC_TIMEOUT',
    });

    kind.targetStatus = 'active';
    const changed = await pending();
    kind.execute = async (_ctx, request) => {
      kind.executions.push(request.id);
      kind.targetStatus = 'suspended';
      throw new AppError('PC_TIMEOUT');
    };
    const second = await engine.decide(changed.id, adele, 'approve', undefined, ctx());
    expect(second.kind === 'approved' && (await second.settled)).toMatchObject({
      status: 'done',
      result: { verified: true },
    });
  });

  it('hands a secret to the listener for the requester, and never stores it', async () => {
    kind.secret = 'Xq7#pL9!mR2$vT4&';
    const request = await pending();
    const outcome = await engine.decide(request.id, adele, 'approve', undefined, ctx());
    if (outcome.kind !== 'approved') throw new Error(outcome.kind);
    await outcome.settled;
    expect(announced).toEqual([{ status: 'executing' }, { status: 'done', secret: kind.secret }]);
    expect(JSON.stringify(await engine.find(request.id))).not.toContain(kind.secret);
    expect(JSON.stringify(await store.audit.query({ limit: 500 }))).not.toContain(kind.secret);
  });

  /** An engine whose listener cannot reach Teams. */
  const engineWhoseAnnouncementsFail = () =>
    new ApprovalEngine({
      repository: store.approvals,
      kinds: [kind],
      audit: store.audit,
      listener: { changed: async () => Promise.reject(new Error('Teams is down')) },
      logger: silentLogger(),
      expiryMs: HOUR,
      now: () => now,
    });

  it('still settles the request when announcing fails', async () => {
    const failing = engineWhoseAnnouncementsFail();
    const request = await pending();
    const outcome = await failing.decide(request.id, adele, 'approve', undefined, ctx());
    expect(outcome.kind === 'approved' && (await outcome.settled)).toMatchObject({ status: 'done' });
  });

  it('records in the audit log a decision that could not be announced, and whether a secret was lost', async () => {
    kind.secret = 'Xq7#pL9!mR2$vT4&';
    const failing = engineWhoseAnnouncementsFail();
    const request = await pending();
    const outcome = await failing.decide(request.id, adele, 'approve', undefined, ctx());
    if (outcome.kind !== 'approved') throw new Error(outcome.kind);
    await outcome.settled;
    const notices = (await auditOf(request.id)).filter((row) => row.action === 'approval.notify');
    expect(notices.map((row) => [row.outcome, row.details?.status, row.details?.undelivered])).toEqual([
      ['failed', 'done', 'decision and temporary password'],
      ['failed', 'executing', 'decision'],
    ]);
    expect(JSON.stringify(notices)).not.toContain(kind.secret);
  });
});

describe('cancelling', () => {
  it('lets the requester cancel while pending, and no one else', async () => {
    const request = await pending();
    expect(await engine.cancel(request.id, adele, 'c')).toMatchObject({
      kind: 'refused',
      reason: 'notRequester',
    });
    expect(await engine.cancel(request.id, megan, 'c')).toMatchObject({
      kind: 'cancelled',
      request: { status: 'cancelled', decidedBy: { id: megan.id.toLowerCase() } },
    });
    expect(await engine.decide(request.id, adele, 'approve', undefined, ctx())).toMatchObject({
      kind: 'closed',
      request: { status: 'cancelled' },
    });
  });

  it('cannot cancel once approved', async () => {
    const request = await pending();
    const outcome = await engine.decide(request.id, adele, 'approve', undefined, ctx());
    expect(await engine.cancel(request.id, megan, 'c')).toMatchObject({ kind: 'closed' });
    if (outcome.kind === 'approved') await outcome.settled;
  });
});

describe('the sweep', () => {
  it('expires due requests once, audits and announces each', async () => {
    const due = await pending();
    now = new Date(now.getTime() + 25 * HOUR);
    const first = await engine.sweep();
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect((await engine.find(due.id))?.status).toBe('expired');
    expect(announced).toContainEqual({ status: 'expired' });
    const announcedBefore = announced.length;
    await engine.sweep();
    expect(announced.length).toBe(announcedBefore);
    expect((await auditOf(due.id)).map((row) => [row.action, row.actorId])).toEqual([
      ['approval.expire', 'system'],
    ]);
  });

  it('settles an execution cut short by a stopped process: failed as interrupted, never run again', async () => {
    const request = await pending();
    await store.approvals.advance(
      request.id,
      [{ ...stepFor('approve'), decidedBy: adele }, stepFor('execute')],
      now,
    );
    await engine.sweep();
    expect((await engine.find(request.id))?.status).toBe('executing');
    now = new Date(now.getTime() + STUCK_EXECUTION_MS + 1000);
    await engine.sweep();
    expect(await engine.find(request.id)).toMatchObject({ status: 'failed', errorCode: INTERRUPTED });
    expect(kind.executions).toEqual([]);
  });

  it('settles it as done when the target shows the change', async () => {
    const request = await pending();
    await store.approvals.advance(
      request.id,
      [{ ...stepFor('approve'), decidedBy: adele }, stepFor('execute')],
      now,
    );
    kind.targetStatus = 'suspended';
    now = new Date(now.getTime() + STUCK_EXECUTION_MS + 1000);
    await engine.sweep();
    expect(await engine.find(request.id)).toMatchObject({ status: 'done', result: { verified: true } });
  });
});
