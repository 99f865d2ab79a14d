import { Agent, type Dispatcher } from 'undici';
import { MsalTokenProvider } from '../../src/api/msal-token-provider';
import { pageItems } from '../../src/api/paging';
import { PartnerCenterClient, type PartnerCenterClientOptions } from '../../src/api/partner-center-client';
import type { PartnerCenterError } from '../../src/api/partner-center-error';
import { noTokenProvider, type TokenProvider } from '../../src/api/token-provider';
import { silentLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import { type FakeTokenEndpoint, fakeTokenEndpoint } from './support/fake-token-endpoint';
import { capturingLogger, ctx } from './support/mock-partner-center';

/**
 * The client against the simulator over real HTTP: Contoso search, ACME, DT Demo's users, password reset,
 * deleted users, throttling, stalls and coalescing, with real tokens from MSAL in `claims` mode.
 */

const ACME = '81a570b1-db47-4da6-9abd-a31abacd60b8';
const DT_DEMO = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
const DANIEL = 'a9ef48bb-8758-4590-a312-d4a47bfaded4';
const FERDINAND = 'a45f1416-3300-4f65-9e8d-f123b397a4ea';
const SUBSCRIPTION = 'A356AC8C-E310-44F4-BF85-C7F29044AF99';
const CUSTOMER_ROUTE = 'GET /v1/customers/{customer-tenant-id}';

async function failure(promise: Promise<unknown>): Promise<PartnerCenterError> {
  try {
    await promise;
  } catch (error) {
    return error as PartnerCenterError;
  }
  throw new Error('expected the call to fail');
}

describe('Partner Center client against the simulator with MSAL tokens (auth: claims)', () => {
  let simulator: RunningSimulator;
  let endpoint: FakeTokenEndpoint;
  let tokens: MsalTokenProvider;
  const clients: PartnerCenterClient[] = [];

  function client(overrides: Partial<PartnerCenterClientOptions> = {}): PartnerCenterClient {
    const created = new PartnerCenterClient({
      baseUrl: simulator.url,
      tokens,
      logger: silentLogger(),
      ...overrides,
    });
    clients.push(created);
    return created;
  }

  beforeAll(async () => {
    simulator = await startSimulator({ auth: 'claims' });
    endpoint = fakeTokenEndpoint();
    tokens = new MsalTokenProvider({
      clientId: '0e3c1d24-1111-4222-8333-444455556666',
      tenantId: '11111111-2222-3333-4444-555555555555',
      credential: { clientSecret: 'integration-client-secret' },
      refreshToken: 'integration-refresh-token',
      networkClient: endpoint,
    });
  });

  afterAll(async () => {
    await Promise.all(clients.map((created) => created.close()));
    await simulator.close();
  });

  it('finds the three Contoso customers', async () => {
    const page = await client().searchCustomers(ctx, { field: 'CompanyName', prefix: 'Contoso' });
    expect(page.items.map((customer) => customer.id).sort()).toEqual(
      [
        '7b26b357-9ca3-48b8-a58e-4febe2662a5d',
        'bfbd6ef0-311f-47ec-bbd7-0fcb7846661b',
        'c5757d70-06f3-4f23-8367-5a9e55019f94',
      ].sort(),
    );
  });

  it('gets ACME Corporation', async () => {
    const acme = await client().getCustomer(ctx, ACME);
    expect(acme.companyProfile.companyName).toBe('ACME Corporation');
    expect(acme.companyProfile.domain.toLowerCase()).toBe('acmecorporation1949.onmicrosoft.com');
  });

  it("lists DT Demo's active users with the App+User token", async () => {
    const page = await client().listUsers(ctx, DT_DEMO);
    const ids = page.items.map((user) => user.id);
    expect(ids).toEqual(expect.arrayContaining([DANIEL, '6e668259-1f09-479d-bcb8-d9b03e826b8d']));
    expect(ids).not.toContain(FERDINAND);
  });

  it('lists the deleted user Ferdinand', async () => {
    const page = await client().listDeletedUsers(ctx, DT_DEMO);
    expect(page.items).toEqual([
      expect.objectContaining({ id: FERDINAND, state: 'inactive', softDeletionTime: expect.any(String) }),
    ]);
  });

  it('resets a password, and neither the password nor a token reaches the log', async () => {
    const capture = capturingLogger();
    const password = 'Zq7!integration-Pw';
    const user = await client({ logger: capture.logger }).resetUserPassword(
      ctx,
      DT_DEMO,
      DANIEL,
      password,
      true,
    );
    expect(user.id).toBe(DANIEL);
    expect(JSON.stringify(user)).not.toContain(password);
    expect(capture.lines).toEqual([
      expect.objectContaining({
        route: 'PATCH /v1/customers/{customer-tenant-id}/users/{user-id}/resetpassword',
        status: 200,
      }),
    ]);
    const token = await tokens.getToken('app+user');
    expect(capture.text()).not.toContain(password);
    expect(capture.text()).not.toContain(token);
    expect(capture.text()).not.toContain('passwordProfile');
  });

  it('suspends a subscription with its etag, then refuses the stale etag', async () => {
    const pc = client();
    const subscription = await pc.getSubscription(ctx, DT_DEMO, SUBSCRIPTION);
    const etag = subscription.attributes?.etag ?? '';
    const suspended = await pc.setSubscriptionStatus(ctx, DT_DEMO, SUBSCRIPTION, 'suspended', etag);
    expect(suspended.status).toBe('suspended');
    expect((await failure(pc.setSubscriptionStatus(ctx, DT_DEMO, SUBSCRIPTION, 'active', etag))).code).toBe(
      'PC_STALE_ETAG',
    );
    const reactivated = await pc.setSubscriptionStatus(
      ctx,
      DT_DEMO,
      SUBSCRIPTION,
      'active',
      suspended.attributes?.etag ?? '',
    );
    expect(reactivated.status).toBe('active');
  });

  it('is refused with PC_FORBIDDEN when a user operation gets an App-only token', async () => {
    const appOnly: TokenProvider = { getToken: () => tokens.getToken('app') };
    const error = await failure(client({ tokens: appOnly }).listUsers(ctx, DT_DEMO));
    expect(error).toMatchObject({ code: 'PC_FORBIDDEN', httpStatus: 403, partnerCode: '2032' });
  });

  it('is refused with PC_UNAUTHENTICATED without a token', async () => {
    const error = await failure(client({ tokens: noTokenProvider }).getCustomer(ctx, ACME));
    expect(error).toMatchObject({ code: 'PC_UNAUTHENTICATED', httpStatus: 401, partnerCode: '800001' });
  });

  it('asks the token endpoint once per token kind, however many calls use it', async () => {
    const pc = client();
    await pc.listSubscriptions(ctx, DT_DEMO);
    await pc.getUser(ctx, DT_DEMO, DANIEL);
    await pc.getProvisioningStatus(ctx, DT_DEMO, SUBSCRIPTION);
    await pc.getUserDirectoryRoles(ctx, DT_DEMO, DANIEL);
    const grants = endpoint.tokenRequests.map((request) => request.form.get('grant_type'));
    expect(grants.filter((grant) => grant === 'client_credentials')).toHaveLength(1);
    expect(grants.filter((grant) => grant === 'refresh_token')).toHaveLength(1);
  });
});

describe('Partner Center client against the simulator without tokens (auth: off)', () => {
  let simulator: RunningSimulator;
  const clients: PartnerCenterClient[] = [];

  function client(overrides: Partial<PartnerCenterClientOptions> = {}): PartnerCenterClient {
    const created = new PartnerCenterClient({
      baseUrl: simulator.url,
      tokens: noTokenProvider,
      logger: silentLogger(),
      random: () => 0,
      ...overrides,
    });
    clients.push(created);
    return created;
  }

  beforeAll(async () => {
    simulator = await startSimulator({ auth: 'off', extraCustomers: 25 });
  });

  afterEach(() => {
    simulator.faults.clear();
    simulator.calls.reset();
  });

  afterAll(async () => {
    await Promise.all(clients.map((created) => created.close()));
    await simulator.close();
  });

  it('restores the deleted user', async () => {
    const restored = await client().restoreUser(ctx, DT_DEMO, FERDINAND);
    expect(restored).toMatchObject({ id: FERDINAND, state: 'active' });
  });

  it('waits out a burst of 429s and succeeds, sending the same MS-RequestId each time', async () => {
    const sent: string[] = [];
    const recorder: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) => {
      const headers = options.headers as Record<string, string>;
      sent.push(headers['MS-RequestId']);
      return dispatch(options, handler);
    };
    const agent = new Agent().compose(recorder);
    simulator.faults.add({ route: CUSTOMER_ROUTE, status: 429, retryAfterSeconds: 1, times: 2 });
    const started = Date.now();
    const acme = await client({ dispatcher: agent }).getCustomer(ctx, ACME);
    expect(acme.id).toBe(ACME);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(simulator.calls.count(CUSTOMER_ROUTE)).toBe(3);
    expect(sent).toHaveLength(3);
    expect(new Set(sent).size).toBe(1);
    await agent.close();
  });

  it('fails with PC_THROTTLED at once when Retry-After is beyond the time budget', async () => {
    simulator.faults.add({ route: CUSTOMER_ROUTE, status: 429, retryAfterSeconds: 60, times: 1 });
    const error = await failure(client().getCustomer(ctx, ACME));
    expect(error).toMatchObject({ code: 'PC_THROTTLED', retryAfterSeconds: 60 });
    expect(simulator.calls.count(CUSTOMER_ROUTE)).toBe(1);
  });

  it('retries a call that stalls past the headers timeout, then fails with PC_TIMEOUT', async () => {
    simulator.faults.add({ route: CUSTOMER_ROUTE, mode: 'stall' });
    const started = Date.now();
    const error = await failure(
      client({ timeouts: { headersMs: 300 }, retry: { maxAttempts: 2 } }).getCustomer(ctx, ACME),
    );
    expect(error.code).toBe('PC_TIMEOUT');
    expect(error.message).toMatch(/UND_ERR_HEADERS_TIMEOUT/);
    expect(simulator.calls.count(CUSTOMER_ROUTE)).toBe(2);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('keeps a stalled call inside the overall time budget', async () => {
    simulator.faults.add({ route: CUSTOMER_ROUTE, mode: 'stall' });
    const started = Date.now();
    const error = await failure(client({ retry: { budgetMs: 800 } }).getCustomer(ctx, ACME));
    expect(error.code).toBe('PC_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('retries a reset connection and reports malformed JSON as PC_UNAVAILABLE', async () => {
    simulator.faults.add({ route: CUSTOMER_ROUTE, mode: 'reset', times: 1 });
    expect((await client().getCustomer(ctx, ACME)).id).toBe(ACME);
    expect(simulator.calls.count(CUSTOMER_ROUTE)).toBe(2);

    simulator.faults.add({ route: CUSTOMER_ROUTE, mode: 'malformed-json', times: 1 });
    expect((await failure(client().getCustomer(ctx, ACME))).code).toBe('PC_UNAVAILABLE');
  });

  it('coalesces 10 concurrent identical lookups into one simulator call', async () => {
    const pc = client();
    const results = await Promise.all(Array.from({ length: 10 }, () => pc.getCustomer(ctx, ACME)));
    expect(results.every((customer) => customer.id === ACME)).toBe(true);
    expect(simulator.calls.count(CUSTOMER_ROUTE)).toBe(1);
    await pc.getCustomer(ctx, ACME);
    expect(simulator.calls.count(CUSTOMER_ROUTE)).toBe(1);
  });

  it('pages through every customer with continuation tokens', async () => {
    const pc = client();
    const everything = await pc.listCustomers(ctx, { size: 500 });
    expect(everything.continuationToken).toBeUndefined();
    const ids: string[] = [];
    for await (const customer of pageItems((page) => pc.listCustomers(ctx, page), { size: 7 }))
      ids.push(customer.id);
    expect(ids).toHaveLength(everything.items.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(simulator.calls.count('GET /v1/customers')).toBe(1 + Math.ceil(ids.length / 7));
  });

  it('reads service requests and support topics', async () => {
    const pc = client();
    const request = await pc.getServiceRequest(ctx, '616122292874576');
    expect(request).toMatchObject({ id: '616122292874576', severity: 'critical' });
    const topics = await pc.listSupportTopics(ctx);
    expect(topics).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: '32444667', name: 'Partner Center Issues' })]),
    );
  });

  it('answers ping', async () => {
    await expect(client().ping(ctx)).resolves.toBeUndefined();
  });
});
