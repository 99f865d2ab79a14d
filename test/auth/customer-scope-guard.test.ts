import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { type CustomerAccess, exceptCustomers, onlyCustomers } from '../../src/auth/customer-scope';
import { scopeToCustomers } from '../../src/auth/customer-scope-guard';
import { AppError } from '../../src/errors';
import { silentLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import type { AuditEntry, AuditLog, AuditRecord } from '../../src/store/store';

/** Customer-scoped roles where every Partner Center call passes, over real HTTP to the simulator. */

const ACME = '81a570b1-db47-4da6-9abd-a31abacd60b8';
const CONTOSO = 'bfbd6ef0-311f-47ec-bbd7-0fcb7846661b';
const CONTOSO_190 = 'c5757d70-06f3-4f23-8367-5a9e55019f94';
const AGENT = '7c3d9e2f-1a45-4f8b-8d12-4b9e3c8f7a32';

function recordingAudit(): AuditLog & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    entries,
    append: async (entry) => {
      entries.push(entry);
      return { ...entry, id: String(entries.length), at: new Date() } as AuditRecord;
    },
    query: async () => [],
  };
}

function access(scope: CustomerAccess['scope']): CustomerAccess {
  return {
    scope,
    permission: 'user.read',
    action: 'users',
    actor: { aadObjectId: AGENT, name: 'Megan Bowen', roles: ['viewer', 'agent'] },
  };
}

let simulator: RunningSimulator;
let client: PartnerCenterClient;

beforeAll(async () => {
  simulator = await startSimulator();
  client = new PartnerCenterClient({
    baseUrl: simulator.url,
    tokens: noTokenProvider,
    logger: silentLogger(),
  });
});
afterAll(async () => {
  await client.close();
  await simulator.close();
});
beforeEach(() => simulator.calls.reset());

describe('customer-scoped roles on Partner Center calls', () => {
  it('refuse a call for a customer outside the scope before it leaves the bot, and audit the refusal', async () => {
    const audit = recordingAudit();
    const guarded = scopeToCustomers(client, audit);
    const ctx = { correlationId: 'turn-7', customerAccess: access(onlyCustomers([CONTOSO])) };
    const refused = await guarded.listUsers(ctx, ACME).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('CUSTOMER_NOT_ALLOWED');
    expect((refused as AppError).details).toMatchObject({ customerId: ACME, operation: 'listUsers' });
    expect(simulator.calls.count()).toBe(0);
    expect(audit.entries).toEqual([
      {
        actorId: AGENT,
        actorName: 'Megan Bowen',
        roles: ['viewer', 'agent'],
        action: 'authorize:users',
        outcome: 'denied',
        customerId: ACME,
        correlationId: 'turn-7',
        details: { permission: 'user.read', reason: 'CUSTOMER_NOT_ALLOWED', operation: 'listUsers' },
      },
    ]);
  });

  it('allow calls for customers inside the scope, including under an exclusion list', async () => {
    const audit = recordingAudit();
    const guarded = scopeToCustomers(client, audit);
    const only = { correlationId: 'turn-8', customerAccess: access(onlyCustomers([CONTOSO.toUpperCase()])) };
    expect((await guarded.getCustomer(only, CONTOSO)).id).toBe(CONTOSO);
    const except = { correlationId: 'turn-9', customerAccess: access(exceptCustomers([ACME])) };
    expect((await guarded.listSubscriptions(except, CONTOSO_190)).length).toBeGreaterThanOrEqual(0);
    await expect(guarded.getCustomer(except, ACME)).rejects.toMatchObject({ code: 'CUSTOMER_NOT_ALLOWED' });
    expect(audit.entries.map((entry) => entry.customerId)).toEqual([ACME]);
  });

  it('show only customers inside the scope in searches and lists', async () => {
    const guarded = scopeToCustomers(client, recordingAudit());
    const ctx = { correlationId: 'turn-10', customerAccess: access(onlyCustomers([CONTOSO, CONTOSO_190])) };
    const found = await guarded.searchCustomers(ctx, { field: 'CompanyName', prefix: 'Contoso' });
    expect(found.items.map((customer) => customer.id).sort()).toEqual([CONTOSO, CONTOSO_190].sort());
    const listed = await guarded.listCustomers(ctx, { size: 100 });
    expect(listed.items.map((customer) => customer.id).sort()).toEqual([CONTOSO, CONTOSO_190].sort());
  });

  it('do not limit calls made without a caller (background work)', async () => {
    const guarded = scopeToCustomers(client, recordingAudit());
    expect((await guarded.getCustomer({ correlationId: 'job' }, ACME)).id).toBe(ACME);
    expect(
      (await guarded.searchCustomers({ correlationId: 'job' }, { field: 'CompanyName', prefix: 'Contoso' }))
        .items,
    ).toHaveLength(3);
  });
});
