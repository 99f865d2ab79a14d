import { pageItems } from '../../src/api/paging';
import { PartnerCenterClient, type PartnerCenterClientOptions } from '../../src/api/partner-center-client';
import { PartnerCenterError } from '../../src/api/partner-center-error';
import { AppError } from '../../src/errors';
import { silentLogger } from '../../src/log';
import {
  capturingLogger,
  ctx,
  fakeTokens,
  type MockPartnerCenter,
  mockPartnerCenter,
  ORIGIN,
  type RecordedRequest,
} from './support/mock-partner-center';

const DT_DEMO = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
const ACME = '81a570b1-db47-4da6-9abd-a31abacd60b8';
const DANIEL = 'a9ef48bb-8758-4590-a312-d4a47bfaded4';
const SUBSCRIPTION = 'A356AC8C-E310-44F4-BF85-C7F29044AF99';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const acme = {
  id: ACME,
  companyProfile: {
    tenantId: ACME,
    domain: 'ACMECorporation1949.onmicrosoft.com',
    companyName: 'ACME Corporation',
  },
  relationshipToPartner: 'reseller',
  attributes: { objectType: 'Customer' },
};
const daniel = {
  id: DANIEL,
  userPrincipalName: 'Daniel@dtdemocspcustomer005.onmicrosoft.com',
  displayName: 'Daniel Tsai',
  state: 'active',
  attributes: { objectType: 'CustomerUser' },
};
const subscription = {
  id: SUBSCRIPTION,
  status: 'active',
  attributes: { etag: 'eyJpZCI6IjEifQ==', objectType: 'Subscription' },
};
const collection = (items: unknown[], next?: unknown) => ({
  totalCount: items.length,
  items,
  ...(next ? { links: { next } } : {}),
  attributes: { objectType: 'Collection' },
});

let pc: MockPartnerCenter;
let client: PartnerCenterClient;

function makeClient(overrides: Partial<PartnerCenterClientOptions> = {}): PartnerCenterClient {
  return new PartnerCenterClient({
    baseUrl: ORIGIN,
    tokens: fakeTokens().provider,
    logger: silentLogger(),
    dispatcher: pc.agent,
    random: () => 0,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<PartnerCenterError> {
  try {
    await promise;
  } catch (error) {
    return error as PartnerCenterError;
  }
  throw new Error('expected the call to fail');
}

beforeEach(() => {
  pc = mockPartnerCenter();
  client = makeClient();
});

afterEach(async () => {
  await client.close();
  await pc.close();
});

describe('request headers', () => {
  it('sends the App-only token, Accept, ids, locale and application name on a customer read', async () => {
    pc.on('GET', `/v1/customers/${ACME}`, { status: 200, body: acme });
    await client.getCustomer({ ...ctx, locale: 'fr-FR' }, ACME);
    const [request] = pc.requests;
    expect(request.headers).toMatchObject({
      authorization: 'Bearer app-token',
      accept: 'application/json',
      'ms-correlationid': ctx.correlationId,
      'x-locale': 'fr-FR',
      'ms-partnercenter-application': 'Partner Helpdesk Bot',
    });
    expect(request.headers['ms-requestid']).toMatch(UUID);
    expect(request.headers['content-type']).toBeUndefined();
  });

  it('sends the App+User token for user operations', async () => {
    pc.on('GET', `/v1/customers/${DT_DEMO}/users`, { status: 200, body: collection([daniel]) });
    await client.listUsers(ctx, DT_DEMO);
    expect(pc.requests[0].headers.authorization).toBe('Bearer user-token');
  });

  it('defaults X-Locale to en-US and ignores a locale that is not one', async () => {
    pc.on('GET', `/v1/customers/${ACME}/subscriptions`, { status: 200, body: collection([]) });
    await client.listSubscriptions(ctx, ACME);
    await client.listSubscriptions({ ...ctx, locale: 'en\r\nX-Evil: 1' }, ACME);
    expect(pc.requests.map((request) => request.headers['x-locale'])).toEqual(['en-US', 'en-US']);
  });

  it('sends no Authorization header when the provider has no token (simulator mode)', async () => {
    client = makeClient({ tokens: fakeTokens({}).provider });
    pc.on('GET', `/v1/customers/${ACME}/subscriptions`, { status: 200, body: collection([]) });
    await client.listSubscriptions(ctx, ACME);
    expect(pc.requests[0].headers.authorization).toBeUndefined();
  });

  it('uses a new MS-RequestId for every logical call', async () => {
    pc.on('GET', `/v1/customers/${DT_DEMO}/users/${DANIEL}`, { status: 200, body: daniel });
    await client.getUser(ctx, DT_DEMO, DANIEL);
    await client.getUser(ctx, DT_DEMO, DANIEL);
    const [first, second] = pc.requests.map((request) => request.headers['ms-requestid']);
    expect(first).toMatch(UUID);
    expect(second).toMatch(UUID);
    expect(first).not.toBe(second);
  });

  it('names the application as configured', async () => {
    client = makeClient({ applicationName: 'Contoso Helpdesk' });
    pc.on('GET', `/v1/customers/${ACME}/subscriptions`, { status: 200, body: collection([]) });
    await client.listSubscriptions(ctx, ACME);
    expect(pc.requests[0].headers['ms-partnercenter-application']).toBe('Contoso Helpdesk');
  });
});

describe('operations', () => {
  function only(requests: RecordedRequest[]) {
    expect(requests).toHaveLength(1);
    return requests[0];
  }

  it('resets a password with PATCH …/resetpassword, sending only passwordProfile and attributes', async () => {
    pc.on('PATCH', `/v1/customers/${DT_DEMO}/users/${DANIEL}/resetpassword`, {
      status: 200,
      body: { ...daniel, passwordProfile: { password: 'Renew456*', forceChangePassword: true } },
    });
    const user = await client.resetUserPassword(ctx, DT_DEMO, DANIEL, 'Renew456*', true);
    const request = only(pc.requests);
    expect(request.body).toEqual({
      passwordProfile: { password: 'Renew456*', forceChangePassword: true },
      attributes: { objectType: 'CustomerUser' },
    });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.authorization).toBe('Bearer user-token');
    expect(JSON.stringify(user)).not.toContain('Renew456*');
  });

  it('restores a user with PATCH state active', async () => {
    pc.on('PATCH', `/v1/customers/${DT_DEMO}/users/a45f1416-3300-4f65-9e8d-f123b397a4ea`, {
      status: 200,
      body: { id: 'a45f1416-3300-4f65-9e8d-f123b397a4ea', userPrincipalName: 'f@x', state: 'active' },
    });
    const user = await client.restoreUser(ctx, DT_DEMO, 'a45f1416-3300-4f65-9e8d-f123b397a4ea');
    expect(only(pc.requests).body).toEqual({ state: 'active', attributes: { objectType: 'CustomerUser' } });
    expect(user.state).toBe('active');
  });

  it('lists deleted users with the UserState Inactive filter', async () => {
    pc.on('GET', `/v1/customers/${DT_DEMO}/users`, { status: 200, body: collection([]) });
    await client.listDeletedUsers(ctx, DT_DEMO, { size: 500 });
    expect(only(pc.requests).path).toBe(
      `/v1/customers/${DT_DEMO}/users?size=500&filter=%7B%22Field%22%3A%22UserState%22%2C%22Value%22%3A%22Inactive%22%2C%22Operator%22%3A%22equals%22%7D`,
    );
  });

  it('suspends a subscription with a quoted If-Match and the etag in the body, with the App-only token', async () => {
    pc.on('PATCH', `/v1/customers/${DT_DEMO}/subscriptions/${SUBSCRIPTION}`, {
      status: 200,
      body: { ...subscription, status: 'suspended' },
    });
    const result = await client.setSubscriptionStatus(
      ctx,
      DT_DEMO,
      SUBSCRIPTION,
      'suspended',
      'eyJpZCI6IjEifQ==',
    );
    const request = only(pc.requests);
    expect(request.headers['if-match']).toBe('"eyJpZCI6IjEifQ=="');
    expect(request.headers.authorization).toBe('Bearer app-token');
    expect(request.body).toEqual({
      status: 'suspended',
      attributes: { etag: 'eyJpZCI6IjEifQ==', objectType: 'Subscription' },
    });
    expect(result.status).toBe('suspended');
  });

  it('does not quote an etag twice', async () => {
    pc.on('PATCH', `/v1/customers/${DT_DEMO}/subscriptions/${SUBSCRIPTION}`, {
      status: 200,
      body: subscription,
    });
    await client.setSubscriptionStatus(ctx, DT_DEMO, SUBSCRIPTION, 'active', '"-4242348048554929329"');
    expect(only(pc.requests).headers['if-match']).toBe('"-4242348048554929329"');
  });

  it('refuses an etag that could break the header', async () => {
    await expect(
      client.setSubscriptionStatus(ctx, DT_DEMO, SUBSCRIPTION, 'active', 'a"b\r\nX: 1'),
    ).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
    expect(pc.requests).toHaveLength(0);
  });

  it.each([
    [
      'getSubscription',
      'GET',
      `/v1/customers/${DT_DEMO}/subscriptions/${SUBSCRIPTION}`,
      'app',
      subscription,
      (c: PartnerCenterClient) => c.getSubscription(ctx, DT_DEMO, SUBSCRIPTION),
    ],
    [
      'getProvisioningStatus',
      'GET',
      `/v1/customers/${DT_DEMO}/subscriptions/${SUBSCRIPTION}/provisioningstatus`,
      'app+user',
      { status: 'success', quantity: 5 },
      (c: PartnerCenterClient) => c.getProvisioningStatus(ctx, DT_DEMO, SUBSCRIPTION),
    ],
    [
      'getUserDirectoryRoles',
      'GET',
      `/v1/customers/${DT_DEMO}/users/${DANIEL}/directoryroles`,
      'app+user',
      collection([{ id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator' }]),
      (c: PartnerCenterClient) => c.getUserDirectoryRoles(ctx, DT_DEMO, DANIEL),
    ],
    [
      'listSupportTopics',
      'GET',
      '/v1/servicerequests/supporttopics',
      'app+user',
      collection([{ id: 32444667, name: 'Partner Center Issues' }]),
      (c: PartnerCenterClient) => c.listSupportTopics(ctx),
    ],
    [
      'listServiceRequests',
      'GET',
      `/v1/customers/${DT_DEMO}/servicerequests`,
      'app+user',
      collection([{ id: '615112491169010', title: 'Test', severity: 0, status: 1 }]),
      (c: PartnerCenterClient) => c.listServiceRequests(ctx, DT_DEMO),
    ],
    [
      'getServiceRequest',
      'GET',
      '/v1/servicerequests/616122292874576',
      'app+user',
      { id: '616122292874576', status: 'open' },
      (c: PartnerCenterClient) => c.getServiceRequest(ctx, '616122292874576'),
    ],
  ])('%s calls %s %s with the %s token', async (_name, method, path, kind, body, call) => {
    pc.on(method, path, { status: 200, body });
    await call(client);
    const request = only(pc.requests);
    expect(`${request.method} ${request.path}`).toBe(`${method} ${path}`);
    expect(request.headers.authorization).toBe(kind === 'app' ? 'Bearer app-token' : 'Bearer user-token');
  });

  it('normalizes integer enums and numeric topic ids', async () => {
    pc.on('GET', `/v1/customers/${DT_DEMO}/servicerequests`, {
      status: 200,
      body: collection([{ title: 'Test', severity: 0, id: '615112491169010', status: 1 }]),
    });
    pc.on('GET', '/v1/servicerequests/supporttopics', {
      status: 200,
      body: collection([{ id: 32444667, name: 'Partner Center Issues' }]),
    });
    expect(await client.listServiceRequests(ctx, DT_DEMO)).toEqual([
      { id: '615112491169010', title: 'Test', severity: 'unknown', status: 'open' },
    ]);
    expect(await client.listSupportTopics(ctx)).toEqual([{ id: '32444667', name: 'Partner Center Issues' }]);
  });

  it('creates a service request under the agent locale', async () => {
    pc.on('POST', '/v1/servicerequests/en-US', {
      status: 201,
      body: { id: '616122292874576', status: 'none', title: 'TrialSR' },
    });
    const created = await client.createServiceRequest(ctx, 'en-US', {
      title: 'TrialSR',
      description: 'Ignore this SR',
      severity: 'critical',
      supportTopicId: '32444671',
    });
    expect(only(pc.requests).body).toEqual({
      title: 'TrialSR',
      description: 'Ignore this SR',
      severity: 'critical',
      supportTopicId: '32444671',
      attributes: { objectType: 'ServiceRequest' },
    });
    expect(created).toMatchObject({ id: '616122292874576', status: 'none' });
  });

  it('sends the notes given with a new service request as its documented notes collection', async () => {
    pc.on('POST', '/v1/servicerequests/fr-FR', { status: 201, body: { id: '616122292874577' } });
    await client.createServiceRequest(ctx, 'fr-FR', {
      title: 'Licences manquantes',
      description: 'Trois utilisateurs sans licence',
      severity: 'moderate',
      supportTopicId: '32444675',
      notes: ['Customer: Contoso190 (c5757d70-06f3-4f23-8367-5a9e55019f94)'],
    });
    expect(only(pc.requests).body).toMatchObject({
      notes: [{ text: 'Customer: Contoso190 (c5757d70-06f3-4f23-8367-5a9e55019f94)' }],
    });
  });

  it('adds a note to a service request with PATCH newNote', async () => {
    pc.on('PATCH', '/v1/servicerequests/616122292874576', {
      status: 200,
      body: { id: '616122292874576', status: 'open' },
    });
    await client.updateServiceRequest(ctx, '616122292874576', { note: 'Customer called back' });
    expect(only(pc.requests).body).toEqual({
      newNote: { text: 'Customer called back' },
      attributes: { objectType: 'ServiceRequest' },
    });
  });

  it('pings with one uncached customer', async () => {
    pc.on('GET', '/v1/customers?size=1', { status: 200, body: collection([acme]) });
    await client.ping(ctx);
    await client.ping(ctx);
    expect(pc.requests.map((request) => request.path)).toEqual([
      '/v1/customers?size=1',
      '/v1/customers?size=1',
    ]);
  });
});

describe('input validation', () => {
  it.each([
    ['a malformed customer id', (c: PartnerCenterClient) => c.getCustomer(ctx, 'acme')],
    ['a path in the customer id', (c: PartnerCenterClient) => c.listUsers(ctx, `${DT_DEMO}/../..`)],
    [
      'a malformed user id',
      (c: PartnerCenterClient) => c.resetUserPassword(ctx, DT_DEMO, 'daniel', 'Renew456*', true),
    ],
    ['a malformed subscription id', (c: PartnerCenterClient) => c.getSubscription(ctx, DT_DEMO, 'x')],
    ['an empty password', (c: PartnerCenterClient) => c.resetUserPassword(ctx, DT_DEMO, DANIEL, '', true)],
    [
      'an unknown severity',
      (c: PartnerCenterClient) =>
        c.createServiceRequest(ctx, 'en-US', {
          title: 't',
          description: 'd',
          severity: 'urgent',
          supportTopicId: '1',
        }),
    ],
    [
      'a bad agent locale',
      (c: PartnerCenterClient) =>
        c.createServiceRequest(ctx, '../x', {
          title: 't',
          description: 'd',
          severity: 'critical',
          supportTopicId: '1',
        }),
    ],
    ['an empty update', (c: PartnerCenterClient) => c.updateServiceRequest(ctx, '616122292874576', {})],
    ['a page size of 0', (c: PartnerCenterClient) => c.listCustomers(ctx, { size: 0 })],
    [
      'an empty search',
      (c: PartnerCenterClient) => c.searchCustomers(ctx, { field: 'CompanyName', prefix: ' ' }),
    ],
    [
      'a forged continuation token',
      (c: PartnerCenterClient) => c.listCustomers(ctx, { continuationToken: 'eyJzIjoieCJ9' }),
    ],
  ])('rejects %s with INPUT_INVALID before sending anything', async (_label, call) => {
    const error = await failure(call(client));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('INPUT_INVALID');
    expect(pc.requests).toHaveLength(0);
  });
});

describe('customer search', () => {
  it.each([
    ['the documented example', 'Cont'],
    ['quotes, braces and &', 'Wolfram "&" Hart {x}'],
    ['percent and plus', '100%+'],
    ['CJK and emoji', 'コントソ 🚀'],
  ])('sends %s as a starts_with filter that survives the round trip', async (_label, prefix) => {
    pc.on('GET', '/v1/customers', { status: 200, body: collection([acme]) });
    const page = await client.searchCustomers(ctx, { field: 'CompanyName', prefix });
    const url = new URL(pc.requests[0].path, ORIGIN);
    expect([...url.searchParams.keys()]).toEqual(['size', 'filter']);
    expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual({
      Field: 'CompanyName',
      Value: prefix,
      Operator: 'starts_with',
    });
    expect(page.items.map((customer) => customer.id)).toEqual([ACME]);
  });
});

describe('paging', () => {
  const next = (n: number) => ({
    uri: `/customers?size=2&seekOperation=Next`,
    method: 'GET',
    headers: [{ key: 'MS-ContinuationToken', value: `page-${n}` }],
  });

  function threePages(): void {
    pc.on('GET', '/v1/customers', (request) => {
      const token = request.headers['ms-continuationtoken'];
      if (token === undefined) return { status: 200, body: collection([acme, acme], next(2)) };
      if (token === 'page-2') return { status: 200, body: collection([acme, acme], next(3)) };
      return { status: 200, body: collection([acme]) };
    });
  }

  it('hands out an opaque token that fetches links.next with its headers', async () => {
    threePages();
    const first = await client.listCustomers(ctx, { size: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.continuationToken).toEqual(expect.any(String));
    const second = await client.listCustomers(ctx, { continuationToken: first.continuationToken });
    expect(second.items).toHaveLength(2);
    expect(pc.requests[1].path).toBe('/v1/customers?size=2&seekOperation=Next');
    expect(pc.requests[1].headers['ms-continuationtoken']).toBe('page-2');
  });

  it('has no token on the last page, and pageItems follows every page', async () => {
    threePages();
    const ids: string[] = [];
    for await (const customer of pageItems((page) => client.listCustomers(ctx, page), { size: 2 }))
      ids.push(customer.id);
    expect(ids).toHaveLength(5);
    expect(pc.requests).toHaveLength(3);
  });

  it("refuses a users token for another customer's users", async () => {
    pc.on('GET', `/v1/customers/${DT_DEMO}/users`, {
      status: 200,
      body: collection([daniel], { ...next(2), uri: `/customers/${DT_DEMO}/users?seekOperation=Next` }),
    });
    const page = await client.listUsers(ctx, DT_DEMO);
    await expect(
      client.listUsers(ctx, ACME, { continuationToken: page.continuationToken }),
    ).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
    await expect(
      client.listDeletedUsers(ctx, DT_DEMO, { continuationToken: page.continuationToken }),
    ).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
  });
});

describe('errors', () => {
  it.each([
    [
      404,
      { code: 60003, description: 'Tenant not found', data: [], source: 'PartnerFD' },
      'PC_NOT_FOUND',
      '60003',
    ],
    [403, { code: '20002', description: 'no commerce relationship' }, 'PC_FORBIDDEN', '20002'],
    [
      401,
      { code: 800001, description: 'Partner Token missing in request context' },
      'PC_UNAUTHENTICATED',
      '800001',
    ],
    [
      400,
      { code: 800002, message: 'Invalid request input', errorName: 'InvalidInput', isRetryable: false },
      'PC_BAD_REQUEST',
      '800002',
    ],
    [409, { code: 3000, description: 'exists' }, 'PC_CONFLICT', '3000'],
    [404, '<html>not found</html>', 'PC_NOT_FOUND', undefined],
  ])('maps %i with %j to %s', async (status, body, code, partnerCode) => {
    pc.on('GET', `/v1/customers/${ACME}`, { status, body });
    const error = await failure(client.getCustomer(ctx, ACME));
    expect(error).toBeInstanceOf(PartnerCenterError);
    expect(error).toMatchObject({ code, httpStatus: status, partnerCode, correlationId: ctx.correlationId });
    expect(error.requestId).toBe(pc.requests[0].headers['ms-requestid']);
  });

  it('maps a stale etag (400 2055) to PC_STALE_ETAG and a deleted subscription (400 2011) to PC_INVALID_STATE', async () => {
    pc.on(
      'PATCH',
      `/v1/customers/${DT_DEMO}/subscriptions/${SUBSCRIPTION}`,
      { status: 400, body: { code: 2055, description: 'Etag is no longer valid' } },
      1,
    );
    pc.on(
      'PATCH',
      `/v1/customers/${DT_DEMO}/subscriptions/${SUBSCRIPTION}`,
      { status: 400, body: { code: 2011, description: 'deleted' } },
      1,
    );
    expect(
      (await failure(client.setSubscriptionStatus(ctx, DT_DEMO, SUBSCRIPTION, 'active', 'old'))).code,
    ).toBe('PC_STALE_ETAG');
    expect(
      (await failure(client.setSubscriptionStatus(ctx, DT_DEMO, SUBSCRIPTION, 'active', 'old'))).code,
    ).toBe('PC_INVALID_STATE');
  });

  it.each([404, 405, 501])(
    'reports the removed support-topics route (%i) as PC_NOT_AVAILABLE',
    async (status) => {
      pc.on('GET', '/v1/servicerequests/supporttopics', { status, body: '' });
      expect((await failure(client.listSupportTopics(ctx))).code).toBe('PC_NOT_AVAILABLE');
    },
  );

  it('reports the removed service-request create route as PC_NOT_AVAILABLE', async () => {
    pc.on('POST', '/v1/servicerequests/en-US', {
      status: 404,
      body: { code: 1000, description: 'Not found' },
    });
    const error = await failure(
      client.createServiceRequest(ctx, 'en-US', {
        title: 't',
        description: 'd',
        severity: 'minimal',
        supportTopicId: '1',
      }),
    );
    expect(error.code).toBe('PC_NOT_AVAILABLE');
  });

  it('reports malformed JSON in a 200 as PC_UNAVAILABLE', async () => {
    pc.on('GET', `/v1/customers/${ACME}`, { status: 200, body: '{"id": "81a570b1-' });
    const error = await failure(client.getCustomer(ctx, ACME));
    expect(error).toMatchObject({ code: 'PC_UNAVAILABLE', httpStatus: 200 });
    expect(error.message).toMatch(/malformed JSON/);
  });

  it('reports a 200 with an unexpected shape as PC_UNAVAILABLE', async () => {
    pc.on('GET', `/v1/customers/${DT_DEMO}/users`, { status: 200, body: { totalCount: 1 } });
    expect(await failure(client.listUsers(ctx, DT_DEMO))).toMatchObject({
      code: 'PC_UNAVAILABLE',
      httpStatus: 200,
    });
  });

  it('keeps a password echoed in an error description out of the error', async () => {
    pc.on('PATCH', `/v1/customers/${DT_DEMO}/users/${DANIEL}/resetpassword`, {
      status: 400,
      body: { code: 3000, description: 'Password Abc12345! does not meet complexity' },
    });
    const error = await failure(client.resetUserPassword(ctx, DT_DEMO, DANIEL, 'Abc12345!', true));
    expect(error.code).toBe('PC_BAD_REQUEST');
    expect(error.description).toBe('Password [redacted] does not meet complexity');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('Abc12345!');
  });

  it('passes token provider failures through', async () => {
    const tokens = { getToken: async () => Promise.reject(new AppError('PC_UNAUTHENTICATED', 'no token')) };
    client = makeClient({ tokens });
    await expect(client.getUser(ctx, DT_DEMO, DANIEL)).rejects.toMatchObject({ code: 'PC_UNAUTHENTICATED' });
    expect(pc.requests).toHaveLength(0);
  });
});

describe('logging', () => {
  it('writes one line per call with route, status, duration, attempt and ids, never a token', async () => {
    const capture = capturingLogger();
    client = makeClient({ logger: capture.logger });
    pc.on('GET', `/v1/customers/${DT_DEMO}/users/${DANIEL}`, { status: 200, body: daniel });
    await client.getUser(ctx, DT_DEMO, DANIEL);
    expect(capture.lines).toEqual([
      expect.objectContaining({
        msg: 'partner center call',
        route: 'GET /v1/customers/{customer-tenant-id}/users/{user-id}',
        status: 200,
        ms: expect.any(Number),
        attempt: 1,
        requestId: pc.requests[0].headers['ms-requestid'],
        correlationId: ctx.correlationId,
      }),
    ]);
    expect(capture.text()).not.toContain('user-token');
  });

  it('logs nothing of a password reset but the route and status, even when it fails', async () => {
    const capture = capturingLogger();
    client = makeClient({ logger: capture.logger });
    pc.on(
      'PATCH',
      `/v1/customers/${DT_DEMO}/users/${DANIEL}/resetpassword`,
      {
        status: 400,
        body: { code: 3000, description: 'Password Abc12345! is too weak' },
      },
      1,
    );
    pc.on(
      'PATCH',
      `/v1/customers/${DT_DEMO}/users/${DANIEL}/resetpassword`,
      {
        status: 200,
        body: { ...daniel, passwordProfile: { password: 'Xyz98765?', forceChangePassword: true } },
      },
      1,
    );
    await failure(client.resetUserPassword(ctx, DT_DEMO, DANIEL, 'Abc12345!', true));
    await client.resetUserPassword(ctx, DT_DEMO, DANIEL, 'Xyz98765?', true);
    expect(capture.lines.map((line) => [line.status, line.partnerCode])).toEqual([
      [400, '3000'],
      [200, undefined],
    ]);
    expect(capture.text()).not.toMatch(/Abc12345!|Xyz98765\?|passwordProfile|user-token/);
  });
});

describe('customer read cache', () => {
  it('answers a repeated lookup from the cache until the TTL passes', async () => {
    let now = 1_000_000;
    client = makeClient({ cache: { ttlMs: 60_000, max: 10 }, now: () => now });
    pc.on('GET', `/v1/customers/${ACME}`, { status: 200, body: acme });
    await client.getCustomer(ctx, ACME);
    await client.getCustomer(ctx, ACME.toUpperCase());
    expect(pc.requests).toHaveLength(1);
    now += 60_001;
    await client.getCustomer(ctx, ACME);
    expect(pc.requests).toHaveLength(2);
  });

  it('coalesces 10 concurrent identical lookups into one request', async () => {
    pc.on('GET', `/v1/customers/${ACME}`, { status: 200, body: acme });
    const results = await Promise.all(Array.from({ length: 10 }, () => client.getCustomer(ctx, ACME)));
    expect(pc.requests).toHaveLength(1);
    expect(results.every((customer) => customer.companyProfile.companyName === 'ACME Corporation')).toBe(
      true,
    );
    results[0].companyProfile.companyName = 'changed by one dialog';
    expect(results[1].companyProfile.companyName).toBe('ACME Corporation');
    expect((await client.getCustomer(ctx, ACME)).companyProfile.companyName).toBe('ACME Corporation');
  });

  it('caches search and list pages by their query', async () => {
    pc.on('GET', '/v1/customers', { status: 200, body: collection([acme]) });
    await client.searchCustomers(ctx, { field: 'CompanyName', prefix: 'AC' });
    await client.searchCustomers(ctx, { field: 'CompanyName', prefix: 'AC' });
    await client.searchCustomers(ctx, { field: 'Domain', prefix: 'AC' });
    await client.listCustomers(ctx);
    await client.listCustomers(ctx);
    await client.listCustomers(ctx, { size: 10 });
    expect(pc.requests).toHaveLength(4);
  });

  it('does not cache a failed read', async () => {
    pc.on(
      'GET',
      `/v1/customers/${ACME}`,
      { status: 404, body: { code: 60003, description: 'Tenant not found' } },
      1,
    );
    pc.on('GET', `/v1/customers/${ACME}`, { status: 200, body: acme }, 1);
    const failures = await Promise.allSettled([client.getCustomer(ctx, ACME), client.getCustomer(ctx, ACME)]);
    expect(failures.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((await client.getCustomer(ctx, ACME)).id).toBe(ACME);
    expect(pc.requests).toHaveLength(2);
  });

  it('lets one caller give up without failing the others sharing the request', async () => {
    pc.on('GET', `/v1/customers/${ACME}`, { status: 200, body: acme });
    const impatient = new AbortController();
    const first = client.getCustomer({ ...ctx, signal: impatient.signal }, ACME);
    const second = client.getCustomer(ctx, ACME);
    impatient.abort(new Error('user left'));
    await expect(first).rejects.toThrow('user left');
    expect((await second).id).toBe(ACME);
    expect(pc.requests).toHaveLength(1);
  });
});
