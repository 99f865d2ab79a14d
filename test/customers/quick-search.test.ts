import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { CustomerIndex } from '../../src/customers/customer-index';
import { QuickCustomerSearch } from '../../src/customers/quick-search';
import { silentLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import type { CustomerIndexStore } from '../../src/store/customer-index-store';

/**
 * Customer search under a deadline, over the simulator: the complete index answers without Partner
 * Center; a cold one waits a bounded time for Partner Center, then answers with what it has.
 */

const logger = silentLogger();
const SEARCH = 'GET /v1/customers';
const GET_CUSTOMER = 'GET /v1/customers/{customer-tenant-id}';
const WOLFRAM_AND_HART = '9f8a5686-b4e4-455a-acd6-4c3f9b1de284';
const ctx = { correlationId: '00000000-0000-4000-8000-000000000001' };
/** The store is not what these tests are about: nothing persisted, nothing to load. */
const noStore: CustomerIndexStore = { load: async () => undefined, replace: async () => undefined };

let simulator: RunningSimulator;
let partnerCenter: PartnerCenterClient;
let warm: CustomerIndex;

beforeAll(async () => {
  simulator = await startSimulator();
  partnerCenter = new PartnerCenterClient({
    baseUrl: simulator.url,
    tokens: noTokenProvider,
    logger,
    retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10, budgetMs: 5000 },
  });
  warm = new CustomerIndex(partnerCenter, noStore, { logger });
  await warm.refresh();
});
afterEach(() => simulator.faults.clear());
afterAll(async () => {
  await partnerCenter.close();
  await simulator.close();
});

const coldSearch = (waitMs = 300) =>
  new QuickCustomerSearch(new CustomerIndex(partnerCenter, noStore, { logger }), partnerCenter, {
    waitMs,
    limit: 25,
  });
const companyNames = (result: { customers: { companyName: string }[] }) =>
  result.customers.map((customer) => customer.companyName);

describe('quick customer search', () => {
  it('answers from the complete index without calling Partner Center', async () => {
    const search = new QuickCustomerSearch(warm, partnerCenter, { waitMs: 300, limit: 25 });
    const before = simulator.calls.count();
    const byName = await search.search(ctx, { kind: 'text', text: 'hart wolfram', field: 'CompanyName' });
    expect(byName).toEqual({
      customers: [expect.objectContaining({ id: WOLFRAM_AND_HART })],
      complete: true,
    });
    const byTenant = await search.search(ctx, { kind: 'tenantId', tenantId: WOLFRAM_AND_HART.toUpperCase() });
    expect(companyNames(byTenant)).toEqual(['Wolfram & Hart']);
    expect(simulator.calls.count()).toBe(before);
  });

  it('asks Partner Center for a tenant id the index does not know, and finds nothing for an unknown one', async () => {
    const search = new QuickCustomerSearch(warm, partnerCenter, { waitMs: 1000, limit: 25 });
    const unknown = '00000000-0000-4000-8000-00000000beef';
    expect(await search.search(ctx, { kind: 'tenantId', tenantId: unknown })).toEqual({
      customers: [],
      complete: true,
    });
    expect(simulator.calls.count(GET_CUSTOMER)).toBeGreaterThan(0);
  });

  it('falls back to Partner Center’s starts_with while the index is cold', async () => {
    const result = await coldSearch(2000).search(ctx, {
      kind: 'text',
      text: 'Contoso',
      field: 'CompanyName',
    });
    expect(result.complete).toBe(true);
    expect(companyNames(result).sort()).toEqual(['Contoso', 'Contoso', 'Contoso190']);
  });

  it('answers within its deadline when Partner Center is slow, and the next try gets the finished answer', async () => {
    const search = coldSearch(200);
    simulator.faults.add({ route: SEARCH, latencyMs: 800, times: 1 });
    const started = Date.now();
    const first = await search.search(ctx, { kind: 'text', text: 'Wolfram', field: 'CompanyName' });
    expect(Date.now() - started).toBeLessThan(700);
    expect(first).toEqual({ customers: [], complete: false });

    await new Promise((resolve) => setTimeout(resolve, 900));
    const calls = simulator.calls.count(SEARCH);
    const again = await search.search(ctx, { kind: 'text', text: 'wolfram', field: 'CompanyName' });
    expect(again).toEqual({ customers: [expect.objectContaining({ id: WOLFRAM_AND_HART })], complete: true });
    expect(simulator.calls.count(SEARCH)).toBe(calls);
  });

  it('passes on a Partner Center failure it has nothing to show for, and asks again next time', async () => {
    const search = coldSearch(2000);
    simulator.faults.add({ route: SEARCH, status: 403, times: 1 });
    await expect(
      search.search(ctx, { kind: 'text', text: 'Dakota', field: 'CompanyName' }),
    ).rejects.toMatchObject({
      code: 'PC_FORBIDDEN',
    });
    const retried = await search.search(ctx, { kind: 'text', text: 'Dakota', field: 'CompanyName' });
    expect(companyNames(retried)).toEqual(['Dakota mall']);
  });
});
