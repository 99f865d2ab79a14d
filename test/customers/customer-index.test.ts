import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { exceptCustomers, onlyCustomers } from '../../src/auth/customer-scope';
import { CustomerIndex } from '../../src/customers/customer-index';
import { silentLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import { generatedCustomer } from '../../src/simulator/data/generator';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';

/**
 * The customer index over the simulator (the documented customers plus 400 generated ones), paged in
 * with A1 list customers, persisted in an in-memory store.
 */

const logger = silentLogger();
const WOLFRAM_AND_HART = '9f8a5686-b4e4-455a-acd6-4c3f9b1de284';
const LIST_CUSTOMERS = 'GET /v1/customers';

let simulator: RunningSimulator;
let partnerCenter: PartnerCenterClient;
let store: Store;
let index: CustomerIndex;

beforeAll(async () => {
  simulator = await startSimulator({ extraCustomers: 400 });
  partnerCenter = new PartnerCenterClient({ baseUrl: simulator.url, tokens: noTokenProvider, logger });
  store = await openStore({ dataDir: ':memory:', logger });
  index = new CustomerIndex(partnerCenter, store.customerIndex, { logger, pageSize: 100 });
  await index.refresh();
});
afterAll(async () => {
  await store.close();
  await partnerCenter.close();
  await simulator.close();
});

const names = (query: string, of: CustomerIndex = index) =>
  of.search(query).customers.map((customer) => customer.companyName);

describe('the customer index', () => {
  it('holds every customer after paging through A1 list customers', async () => {
    expect(index.status()).toMatchObject({ coverage: 'complete', customers: expect.any(Number) });
    expect(index.status().customers).toBeGreaterThan(400);
    expect(index.findTenant(WOLFRAM_AND_HART.toUpperCase())?.companyName).toBe('Wolfram & Hart');
  });

  it('tolerates typos: contso finds the Contoso customers', () => {
    const found = names('contso');
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.every((name) => name.startsWith('Contoso'))).toBe(true);
  });

  it('ignores word order and joining words: hart wolfram, wolfram and hart', () => {
    expect(names('hart wolfram')).toEqual(['Wolfram & Hart']);
    expect(names('Wolfram and Hart')).toEqual(['Wolfram & Hart']);
  });

  it('finds a company by any word of its name: dakota → Dakota mall', () => {
    expect(names('dakota')).toEqual(['Dakota mall']);
  });

  it('matches the start of a domain, and a domain typed with its suffix', () => {
    expect(names('dtdemocspcustomer005.onmicrosoft')).toEqual(['DT Demo CSP Customer 005']);
    expect(names('contosocorpdemo')).toEqual(['Contoso']);
  });

  it('ranks the customers matching every word first, and finds the same ones through typos', () => {
    const [first, second] = generatedCustomer(7).profile.companyName.split(' ') as [string, string];
    const found = index.search(`${first} ${second}`).customers;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((customer) => customer.companyName.startsWith(`${first} ${second}`))).toBe(true);
    const typo = index.search(`${first.slice(0, -1)} ${second.slice(1)}`).customers;
    const ids = (customers: { id: string }[]) => customers.map((customer) => customer.id).sort();
    expect(ids(typo.slice(0, found.length))).toEqual(ids(found));
  });

  it('prefers exact matches to typo matches: acme is ACME Corporation alone', () => {
    expect(names('acme')).toEqual(['ACME Corporation']);
  });

  it('matches nothing for an unknown company, or for words every domain shares', () => {
    expect(names('Nobody Such Company')).toEqual([]);
    expect(names('onmicrosoft.com')).toEqual([]);
  });

  it('shows only the customers a caller’s customer scope covers', () => {
    const contoso190 = 'c5757d70-06f3-4f23-8367-5a9e55019f94';
    expect(names('contoso', index)).toHaveLength(3);
    expect(
      index.search('contoso', onlyCustomers([contoso190])).customers.map((customer) => customer.id),
    ).toEqual([contoso190]);
    expect(index.search('contoso', exceptCustomers([contoso190])).customers).toHaveLength(2);
    expect(index.findTenant(WOLFRAM_AND_HART, exceptCustomers([WOLFRAM_AND_HART]))).toBeUndefined();
  });

  it('keeps answering from the previous list while a refresh runs, then swaps the new one in', async () => {
    simulator.faults.add({ route: LIST_CUSTOMERS, latencyMs: 300, times: 1 });
    const refreshing = index.refresh();
    expect(index.refresh()).toBe(refreshing);
    expect(names('dakota')).toEqual(['Dakota mall']);
    expect(index.status().coverage).toBe('complete');
    await refreshing;
    expect(names('dakota')).toEqual(['Dakota mall']);
  });

  it('persists every refresh, so a restarted bot serves the last list at once without Partner Center', async () => {
    const before = simulator.calls.count(LIST_CUSTOMERS);
    const restarted = new CustomerIndex(partnerCenter, store.customerIndex, { logger });
    expect(restarted.status().coverage).toBe('none');
    expect(await restarted.loadFromStore()).toBe(true);
    expect(restarted.status()).toMatchObject({ coverage: 'complete', customers: index.status().customers });
    expect(restarted.lastRefreshedAt()).toEqual(index.lastRefreshedAt());
    expect(names('hart wolfram', restarted)).toEqual(['Wolfram & Hart']);
    expect(simulator.calls.count(LIST_CUSTOMERS)).toBe(before);
  });

  it('is cold until its first refresh completes, answering from the pages it has so far as partial', async () => {
    const emptyStore = await openStore({ dataDir: ':memory:', logger });
    try {
      const cold = new CustomerIndex(partnerCenter, emptyStore.customerIndex, { logger, pageSize: 50 });
      expect(await cold.loadFromStore()).toBe(false);
      expect(cold.search('contoso')).toEqual({ customers: [], coverage: 'none' });
      // Every page answers slowly: after the first one the index is partial until the last one.
      simulator.faults.add({ route: LIST_CUSTOMERS, latencyMs: 300 });
      const loading = cold.refresh();
      await waitUntil(() => cold.status().coverage === 'partial');
      expect(cold.search('contoso').coverage).toBe('partial');
      simulator.faults.clear();
      await loading;
      expect(cold.status().coverage).toBe('complete');
    } finally {
      simulator.faults.clear();
      await emptyStore.close();
    }
  });

  it('stays cold when the first refresh fails, and says so', async () => {
    const emptyStore = await openStore({ dataDir: ':memory:', logger });
    try {
      const cold = new CustomerIndex(partnerCenter, emptyStore.customerIndex, { logger });
      simulator.faults.add({ route: LIST_CUSTOMERS, status: 403 });
      await expect(cold.refresh()).rejects.toMatchObject({ code: 'PC_FORBIDDEN' });
      expect(cold.status().coverage).toBe('none');
      expect(await emptyStore.customerIndex.load()).toBeUndefined();
    } finally {
      simulator.faults.clear();
      await emptyStore.close();
    }
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
