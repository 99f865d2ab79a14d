import { randomUUID } from 'node:crypto';
import { ApprovalEngine } from '../../src/approvals/approval-engine';
import type { ApprovalKind } from '../../src/approvals/approval-kind';
import { approvalSweepJob } from '../../src/approvals/approval-sweep-job';
import { JobScheduler } from '../../src/background-jobs';
import { silentLogger } from '../../src/log';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';

/** The sweep as the app schedules it: overdue requests expire on the next tick, and their cards are told. */

const kind: ApprovalKind = {
  name: 'test.sweep',
  requestPermission: 'suspension.request',
  decidePermission: 'suspension.decide',
  reasonRequired: false,
  prepare: async () => ({ ready: true, facts: {} }),
  execute: async () => ({ result: {} }),
};

let store: Store;

beforeAll(async () => {
  store = await openStore({ dataDir: ':memory:', logger: silentLogger() });
});
afterAll(async () => {
  await store.close();
});

it('expires an overdue request on its own within a tick, and announces it', async () => {
  const announced: string[] = [];
  const engine = new ApprovalEngine({
    repository: store.approvals,
    kinds: [kind],
    audit: store.audit,
    listener: { changed: async (request) => void announced.push(`${request.id}:${request.status}`) },
    logger: silentLogger(),
    expiryMs: 30,
  });
  const created = await engine.request({
    kind: kind.name,
    requester: { id: randomUUID(), roles: ['agent'] },
    requesterConversation: {},
    locale: 'en-US',
    customerId: randomUUID(),
    reason: '',
    facts: {},
    ctx: { correlationId: randomUUID() },
  });
  if (created.kind !== 'created') throw new Error(created.kind);
  const job = approvalSweepJob(engine, 20);
  expect(job).toMatchObject({ name: 'approval-sweep', intervalMs: 20 });

  const scheduler = new JobScheduler([job], silentLogger());
  scheduler.start();
  try {
    const deadline = Date.now() + 5000;
    while (!announced.includes(`${created.request.id}:expired`) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await scheduler.stop();
  }
  expect(announced).toEqual([`${created.request.id}:expired`]);
  expect((await store.approvals.find(created.request.id))?.status).toBe('expired');
});
