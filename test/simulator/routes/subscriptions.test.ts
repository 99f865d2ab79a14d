import type { RunningSimulator, SimulatorOptions } from '../../../src/simulator';
import { client, ids, type ManualClock, manualClock, type SimClient, start } from '../sim-client';

const MINUTE = 60_000;
const dtSubscriptions = `/v1/customers/${ids.dtDemo}/subscriptions`;
const azurePath = `${dtSubscriptions}/${ids.azureSubscription}`;

describe('simulated subscriptions and orders (reference §6)', () => {
  let simulator: RunningSimulator;
  let api: SimClient;
  let clock: ManualClock;

  const restart = async (options: SimulatorOptions = {}) => {
    await simulator?.close();
    clock = manualClock('2025-03-01T12:00:00Z');
    simulator = await start({ now: clock.now, provisioningDelayMs: 15 * MINUTE, ...options });
    api = client(simulator);
  };
  beforeEach(() => restart());
  afterAll(() => simulator.close());

  describe('C1 list and C2 get', () => {
    it("lists a customer's subscriptions, add-ons included as separate items", async () => {
      const response = await api.get(dtSubscriptions);
      expect(response.status).toBe(200);
      expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([
        'A356AC8C-E310-44F4-BF85-C7F29044AF99',
        '1C2B75C1-74A5-472A-A729-7F8CEFC477F9',
        '968BA1CF-C146-4ADF-A300-308DCF718EEE',
        '1DA3295E-C59A-476C-A7E7-D7E981FE79BE',
      ]);
      expect(response.body.items[2]).toMatchObject({
        offerName: 'Exchange Online Archiving for Exchange Online',
        parentSubscriptionId: '1C2B75C1-74A5-472A-A729-7F8CEFC477F9',
        links: {
          parentSubscription: {
            uri: `/customers/${ids.dtDemo}/subscriptions/1C2B75C1-74A5-472A-A729-7F8CEFC477F9`,
          },
        },
      });
    });

    it('answers the documented Azure subscription with an etag of the documented form', async () => {
      const response = await api.get(azurePath);
      expect(response.body).toMatchObject({
        id: 'A356AC8C-E310-44F4-BF85-C7F29044AF99',
        offerId: 'MS-AZR-0145P',
        offerName: 'Microsoft Azure',
        quantity: 1,
        unitType: 'Usage-based',
        creationDate: '2016-05-10T07:30:05.427Z',
        commitmentEndDate: '9999-12-10T00:00:00Z',
        status: 'active',
        autoRenewEnabled: false,
        billingType: 'usage',
        contractType: 'subscription',
        orderId: 'B23FDEDD-D6BD-415A-8B71-3624C81C9644',
        links: { offer: { uri: '/offers/MS-AZR-0145P?country=US', method: 'GET', headers: [] } },
      });
      const etag = JSON.parse(Buffer.from(response.body.attributes.etag, 'base64').toString());
      expect(etag).toEqual({ id: 'A356AC8C-E310-44F4-BF85-C7F29044AF99', version: 1 });
    });

    it('answers 404 20003 for an unknown subscription', async () => {
      const response = await api.get(`${dtSubscriptions}/44444444-4444-4444-8444-444444444444`);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 20003, description: expect.stringContaining('44444444') });
    });
  });

  describe('C4 provisioning status', () => {
    const status = async (customerId: string, subscriptionId: string) =>
      api.get(`/v1/customers/${customerId}/subscriptions/${subscriptionId}/provisioningstatus`);

    it('answers the documented success example', async () => {
      const response = await status(
        '0c39d6d5-c70d-4c55-bc02-f620844f3fd1',
        '34828C05-C16C-4D6F-9CFC-4D2650EF19A1',
      );
      expect(response.body).toEqual({
        skuId: '6FD2C87F-B296-42F0-B197-1E91E994B900',
        status: 'success',
        quantity: 5,
        endDate: '2018-05-10T00:00:00Z',
        attributes: { objectType: 'SubscriptionProvisioningStatus' },
      });
    });

    it('shows seeded pending and failed provisioning; pending completes after the delay', async () => {
      expect((await status(ids.contoso190, '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff')).body.status).toBe(
        'pending',
      );
      expect(
        (await status('bfbd6ef0-311f-47ec-bbd7-0fcb7846661b', 'e045e9b6-e997-4a62-97b4-225e5de530ef')).body
          .status,
      ).toBe('failed');
      clock.advance(15 * MINUTE);
      expect((await status(ids.contoso190, '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff')).body.status).toBe(
        'success',
      );
    });

    it('ends a pending provisioning as failed after the delay for a subscription told to fail', async () => {
      await restart({ provisioningFailures: ['7D44A913-FD7D-40E8-BF16-BA4456F1F8FF'] });
      const contosoPending = () => status(ids.contoso190, '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff');
      expect((await contosoPending()).body.status).toBe('pending');
      clock.advance(15 * MINUTE - 1);
      expect((await contosoPending()).body.status).toBe('pending');
      clock.advance(1);
      expect((await contosoPending()).body.status).toBe('failed');
      const wolfram = `/v1/customers/${ids.wolframAndHart}/subscriptions/76855a86-0c4d-48a6-87fc-4c262f67a751`;
      expect((await api.get(`${wolfram}/provisioningstatus`)).body.status).toBe('success');
    });

    it('turns a pending new subscription active once provisioned', async () => {
      const path = `/v1/customers/${ids.wolframAndHart}/subscriptions/76855a86-0c4d-48a6-87fc-4c262f67a751`;
      expect((await api.get(path)).body.status).toBe('pending');
      clock.advance(15 * MINUTE);
      expect((await api.get(path)).body.status).toBe('active');
    });

    it('answers 403 2032 when delegated admin access is revoked, and 404 800007 for a deleted subscription', async () => {
      const revoked = await status(
        'c2b306bb-df8d-4ac7-87de-3adcbecdbbfd',
        'a408d22c-6628-49cd-93bd-1c3081592b16',
      );
      expect(revoked.status).toBe(403);
      expect(revoked.body.code).toBe(2032);
      const deleted = await status(
        '798e5662-2f1f-44ef-91c7-d8d9f722400e',
        '6a5073e0-4553-4257-a207-123cc4fe6bf8',
      );
      expect(deleted.status).toBe(404);
      expect(deleted.body.code).toBe(800007);
    });
  });

  describe('C5 PATCH a subscription', () => {
    it('suspends with a partial body and If-Match, answering a new etag and pending provisioning', async () => {
      const before = (await api.get(azurePath)).body;
      const response = await api.patch(
        azurePath,
        { Status: 'suspended' },
        { 'If-Match': `"${before.attributes.etag}"` },
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'suspended', suspensionReasons: ['partner_suspended'] });
      expect(response.body.attributes.etag).not.toBe(before.attributes.etag);
      expect((await api.get(`${azurePath}/provisioningstatus`)).body.status).toBe('pending');
      clock.advance(15 * MINUTE);
      expect((await api.get(`${azurePath}/provisioningstatus`)).body.status).toBe('success');
    });

    it('reactivates with the full documented body carrying Attributes.Etag', async () => {
      const suspended = (await api.patch(azurePath, { status: 'suspended' })).body;
      const full = Object.fromEntries(
        Object.entries({ ...suspended, status: 'active' }).map(([key, value]) => [
          key[0]?.toUpperCase() + key.slice(1),
          value,
        ]),
      );
      full.Attributes = { Etag: suspended.attributes.etag, ObjectType: 'Subscription' };
      const response = await api.patch(azurePath, full);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('active');
      expect(response.body).not.toHaveProperty('suspensionReasons');
    });

    it('renames an active subscription and keeps the etag on a no-op', async () => {
      const renamed = await api.patch(azurePath, { friendlyName: 'Production Azure' });
      expect(renamed.body.friendlyName).toBe('Production Azure');
      const again = await api.patch(azurePath, { friendlyName: 'Production Azure' });
      expect(again.body.attributes.etag).toBe(renamed.body.attributes.etag);
    });

    it('refuses a stale If-Match or body etag with 400 2055, or 412 when configured', async () => {
      const stale = (await api.get(azurePath)).body.attributes.etag;
      await api.patch(azurePath, { friendlyName: 'Changed' });
      const byHeader = await api.patch(azurePath, { status: 'suspended' }, { 'If-Match': `"${stale}"` });
      expect(byHeader.status).toBe(400);
      expect(byHeader.body).toEqual({
        code: 2055,
        description: 'Etag is no longer valid',
        data: [],
        source: 'PartnerFD',
      });
      const byBody = await api.patch(azurePath, { status: 'suspended', attributes: { etag: stale } });
      expect(byBody.body.code).toBe(2055);
      expect((await api.get(azurePath)).body.status).toBe('active');

      await restart({ etagMismatchStatus: 412 });
      const current = (await api.get(azurePath)).body.attributes.etag;
      await api.patch(azurePath, { friendlyName: 'Changed' });
      const preconditionFailed = await api.patch(azurePath, { status: 'suspended' }, { 'If-Match': current });
      expect(preconditionFailed.status).toBe(412);
      expect(preconditionFailed.body.code).toBe(2055);
    });

    it('answers the documented errors of the C5 table', async () => {
      const contosoCorp = '/v1/customers/7b26b357-9ca3-48b8-a58e-4febe2662a5d/subscriptions';
      const suspendedParent = `${contosoCorp}/7d9ac608-d87c-439f-a4aa-a6e2ce7080ae`;
      const suspendedAddOn = `${contosoCorp}/63556860-c08f-4902-aa73-9aeb6d70a893`;
      const deleted =
        '/v1/customers/798e5662-2f1f-44ef-91c7-d8d9f722400e/subscriptions/6a5073e0-4553-4257-a207-123cc4fe6bf8';
      const cases: [string, unknown, number, number][] = [
        [deleted, { status: 'active' }, 400, 2011],
        [suspendedParent, { quantity: 41 }, 400, 2001],
        [suspendedParent, { friendlyName: 'Renamed' }, 400, 800091],
        [suspendedAddOn, { status: 'active' }, 409, 27009],
        [azurePath, { status: 'deleted' }, 400, 3000],
        [azurePath, { status: 'cancelled' }, 400, 3000],
        [azurePath, { quantity: 'two' }, 400, 3000],
        [`${dtSubscriptions}/55555555-5555-4555-8555-555555555555`, { status: 'suspended' }, 404, 20003],
      ];
      for (const [path, body, status, code] of cases) {
        const response = await api.patch(path, body);
        expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status, code });
      }
    });

    it('reactivates the add-on once its parent is active again', async () => {
      const contosoCorp = '/v1/customers/7b26b357-9ca3-48b8-a58e-4febe2662a5d/subscriptions';
      expect(
        (await api.patch(`${contosoCorp}/7d9ac608-d87c-439f-a4aa-a6e2ce7080ae`, { status: 'active' })).status,
      ).toBe(200);
      const addOn = await api.patch(`${contosoCorp}/63556860-c08f-4902-aa73-9aeb6d70a893`, { status: 1 });
      expect(addOn.status).toBe(200);
      expect(addOn.body.status).toBe('active');
    });
  });

  describe('C6 and C7 orders', () => {
    it("lists a customer's orders with line items linking to their subscriptions", async () => {
      const response = await api.get(`/v1/customers/${ids.dtDemo}/orders`);
      expect(response.status).toBe(200);
      const order = response.body.items.find(
        (item: { id: string }) => item.id === '074bd849-9106-405c-9923-fa061839d487',
      );
      expect(order).toMatchObject({
        referenceCustomerId: ids.dtDemo,
        billingCycle: 'monthly',
        status: 'none',
        creationDate: '2017-03-30T00:00:00Z',
        lineItems: [
          {
            lineItemNumber: 0,
            offerId: '84A03D81-6B37-4D66-8D4A-FAEA24541538',
            subscriptionId: '1DA3295E-C59A-476C-A7E7-D7E981FE79BE',
            friendlyName: 'new offer purchase',
            quantity: 5,
            links: {
              subscription: {
                uri: `/customers/${ids.dtDemo}/subscriptions/1DA3295E-C59A-476C-A7E7-D7E981FE79BE`,
              },
            },
          },
        ],
        attributes: { objectType: 'Order' },
      });
    });

    it('gets an order by id and answers 404 20000 for an unknown one', async () => {
      const known = await api.get(`/v1/customers/${ids.dtDemo}/orders/b23fdedd-d6bd-415a-8b71-3624c81c9644`);
      expect(known.body.lineItems[0].subscriptionId).toBe(ids.azureSubscription);
      const unknown = await api.get(
        `/v1/customers/${ids.dtDemo}/orders/66666666-6666-4666-8666-666666666666`,
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe(20000);
    });
  });
});
