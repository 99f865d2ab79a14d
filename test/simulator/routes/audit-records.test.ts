import type { RunningSimulator } from '../../../src/simulator';
import { allPages, client, filterParam, ids, manualClock, type SimClient, start } from '../sim-client';

describe('simulated activity log (reference E1)', () => {
  let simulator: RunningSimulator;
  let api: SimClient;

  beforeEach(async () => {
    simulator = await start({ now: manualClock('2025-03-01T12:00:00Z').now });
    api = client(simulator);
  });
  afterEach(() => simulator.close());

  const dakota = `/v1/customers/${ids.dakotaMall}`;
  const writeSome = async () => {
    await api.patch(
      `${dakota}/users/${ids.johnDoe}/resetpassword`,
      { passwordProfile: { password: 'Renew456*', forceChangePassword: true } },
      { 'MS-CorrelationId': 'c0ffee00-0000-4000-8000-000000000001' },
    );
    await api.patch(`${dakota}/users/${ids.johnDoe}/resetpassword`, {
      passwordProfile: { password: 'weak' },
    });
    await api.delete(`${dakota}/users/${ids.johnDoe}`);
    await api.patch(`${dakota}/users/${ids.pradeep}`, { state: 'active' });
    await api.patch(`/v1/customers/${ids.dtDemo}/subscriptions/${ids.azureSubscription}`, {
      status: 'suspended',
    });
  };

  it('records each successful write, and no failed one', async () => {
    await writeSome();
    const response = await api.get('/v1/auditrecords');
    expect(response.status).toBe(200);
    expect(
      response.body.items.map((item: { operationType: string; customerName: string }) => [
        item.operationType,
        item.customerName,
      ]),
    ).toEqual([
      ['reset_customer_user_password', 'Dakota mall'],
      ['delete_customer_user', 'Dakota mall'],
      ['restore_customer_user', 'Dakota mall'],
      ['update_subscription', 'DT Demo CSP Customer 005'],
    ]);
    expect(response.body.items[0]).toMatchObject({
      customerId: ids.dakotaMall,
      userPrincipalName: 'john@contoso.onmicrosoft.com',
      resourceType: 'customer_user',
      operationDate: '2025-03-01T12:00:00.000Z',
      operationStatus: 'succeeded',
      originalCorrelationId: 'c0ffee00-0000-4000-8000-000000000001',
      customizedData: expect.arrayContaining([{ key: 'CustomerUserId', value: ids.johnDoe }]),
      attributes: { objectType: 'AuditRecord' },
    });
    expect(response.text).not.toContain('Renew456*');
    expect(JSON.parse(response.body.items[3].resourceNewValue)).toMatchObject({ status: 'suspended' });
  });

  it('answers the documented 2016 record for a window that covers it', async () => {
    const response = await api.get('/v1/auditrecords?startDate=2016-05-01&endDate=2016-05-31');
    expect(response.body.items).toEqual([
      expect.objectContaining({
        operationType: 'create_order',
        customerId: '49bd2a7e-0776-487d-99f6-e7536fb82049',
      }),
    ]);
    expect((await api.get('/v1/auditrecords')).body.totalCount).toBe(0);
  });

  it('filters by CompanyName substring and by CustomerId or ResourceType equality', async () => {
    await writeSome();
    const count = async (filter: Record<string, unknown>) =>
      (await api.get(`/v1/auditrecords?filter=${filterParam(filter)}`)).body.totalCount;
    expect(await count({ Field: 'CompanyName', Value: 'KOTA', Operator: 'substring' })).toBe(3);
    expect(await count({ Field: 'CustomerId', Value: ids.dtDemo, Operator: 'equals' })).toBe(1);
    expect(await count({ Field: 'ResourceType', Value: 'customer_user', Operator: 0 })).toBe(3);
  });

  it('pages through links.next', async () => {
    await writeSome();
    const pages = await allPages(api, '/v1/auditrecords?startDate=2025-02-01&size=3');
    expect(pages.map((page) => page.totalCount)).toEqual([3, 1]);
  });

  it('refuses bad dates, an empty window and unsupported filters with 400 800002', async () => {
    for (const query of [
      'startDate=yesterday',
      'startDate=2025-02-30',
      'startDate=2025-03-01&endDate=2025-02-01',
      `filter=${filterParam({ Field: 'CompanyName', Value: 'Dakota', Operator: 'starts_with' })}`,
    ]) {
      const response = await api.get(`/v1/auditrecords?${query}`);
      expect({ query, status: response.status, code: response.body.code }).toEqual({
        query,
        status: 400,
        code: 800002,
      });
    }
  });
});
