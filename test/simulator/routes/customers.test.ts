import type { RunningSimulator } from '../../../src/simulator';
import { seedCustomers } from '../../../src/simulator/data/seed-data';
import { allPages, client, filterParam, ids, type SimClient, start } from '../sim-client';

describe('simulated customers (reference §4)', () => {
  let simulator: RunningSimulator;
  let api: SimClient;

  beforeAll(async () => {
    simulator = await start({ extraCustomers: 250 });
    api = client(simulator);
  });
  afterAll(() => simulator.close());

  describe('A1 list customers', () => {
    it('answers a page of summaries with totalCount = items in the page and a self link without /v1', async () => {
      const response = await api.get('/v1/customers?size=3');
      expect(response.status).toBe(200);
      expect(response.body.totalCount).toBe(3);
      expect(response.body.items).toHaveLength(3);
      expect(response.body.links.self).toEqual({ uri: '/customers?size=3', method: 'GET', headers: [] });
      expect(response.body.attributes).toEqual({ objectType: 'Collection' });
      const [first] = response.body.items;
      expect(first).toEqual({
        id: ids.contoso190,
        companyProfile: {
          tenantId: ids.contoso190,
          domain: 'contoso190.onmicrosoft.com',
          companyName: 'Contoso190',
          links: {
            self: { uri: `/customers/${ids.contoso190}/profiles/company`, method: 'GET', headers: [] },
          },
          attributes: { objectType: 'CustomerCompanyProfile' },
        },
        relationshipToPartner: 'reseller',
        links: { self: { uri: `/customers/${ids.contoso190}`, method: 'GET', headers: [] } },
        attributes: { objectType: 'Customer' },
      });
    });

    it('pages through links.next with the MS-ContinuationToken header and seekOperation=Next', async () => {
      const first = await api.get('/v1/customers?size=100');
      const next = first.body.links.next;
      expect(next.uri).toBe('/customers?size=100&seekOperation=Next');
      expect(next.headers).toEqual([{ key: 'MS-ContinuationToken', value: first.body.continuationToken }]);

      const pages = await allPages(api, '/v1/customers?size=100');
      const all = pages.flatMap((page) => page.items.map((item: { id: string }) => item.id));
      expect(all).toHaveLength(seedCustomers.length + 250);
      expect(pages.map((page) => page.totalCount)).toEqual([100, 100, all.length - 200]);
      expect(new Set(all).size).toBe(all.length);
      expect(pages.at(-1).links.next).toBeUndefined();
      expect(pages.at(-1).continuationToken).toBeUndefined();
    });

    it('uses 100 items for size 0 or no size, and caps size at 500', async () => {
      expect((await api.get('/v1/customers')).body.totalCount).toBe(100);
      expect((await api.get('/v1/customers?size=0')).body.totalCount).toBe(100);
      const big = await start({ extraCustomers: 600 });
      try {
        expect((await client(big).get('/v1/customers?size=5000')).body.totalCount).toBe(500);
      } finally {
        await big.close();
      }
    });

    it('refuses a bad size, a Next without token, a forged token and a token reused with another filter', async () => {
      const first = await api.get('/v1/customers?size=10');
      const token = first.body.continuationToken;
      const refused = [
        await api.get('/v1/customers?size=-1'),
        await api.get('/v1/customers?size=10&seekOperation=Next'),
        await api.get('/v1/customers?size=10&seekOperation=Next', { 'MS-ContinuationToken': 'not-a-token' }),
        await api.get(
          `/v1/customers?size=10&filter=${filterParam({ Field: 'CompanyName', Value: 'A', Operator: 'starts_with' })}&seekOperation=Next`,
          { 'MS-ContinuationToken': token },
        ),
      ];
      for (const response of refused) {
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ code: 800002, data: [], source: 'PartnerFD' });
      }
    });
  });

  describe('A2 search customers', () => {
    const search = (filter: Record<string, unknown>) =>
      api.get(`/v1/customers?size=0&filter=${filterParam(filter)}`);
    const names = (response: { body: { items: { companyProfile: { companyName: string } }[] } }) =>
      response.body.items.map((item) => item.companyProfile.companyName);

    it('finds the documented "Cont" companies by case-insensitive prefix and echoes the query in self', async () => {
      const filter = { Field: 'CompanyName', Value: 'cont', Operator: 'starts_with' };
      const response = await search(filter);
      expect(response.status).toBe(200);
      expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([
        ids.contoso190,
        '7b26b357-9ca3-48b8-a58e-4febe2662a5d',
        'bfbd6ef0-311f-47ec-bbd7-0fcb7846661b',
      ]);
      expect(response.body.links.self.uri).toBe(`/customers?size=0&filter=${filterParam(filter)}`);
    });

    it('accepts the operator as snake_case, PascalCase or the integer ordinal 9', async () => {
      for (const Operator of ['starts_with', 'StartsWith', 9]) {
        expect(names(await search({ Field: 'Domain', Value: 'ACMECORP', Operator }))).toEqual([
          'ACME Corporation',
        ]);
      }
    });

    it('matches hostile values literally: quotes, braces, &, %, emoji and CJK', async () => {
      expect(
        names(
          await search({ Field: 'CompanyName', Value: '"Quoted" {Braces} & 100%', Operator: 'starts_with' }),
        ),
      ).toEqual(['"Quoted" {Braces} & 100% Co']);
      expect(
        names(await search({ Field: 'CompanyName', Value: 'Wolfram & H', Operator: 'starts_with' })),
      ).toEqual(['Wolfram & Hart']);
      expect(
        names(await search({ Field: 'CompanyName', Value: '東京コーヒー 🚀', Operator: 'starts_with' })),
      ).toEqual(['東京コーヒー 🚀 株式会社']);
      expect(names(await search({ Field: 'CompanyName', Value: '%', Operator: 'starts_with' }))).toEqual([]);
      expect(
        names(await search({ Field: 'CompanyName', Value: '{"Field":"x"}', Operator: 'starts_with' })),
      ).toEqual([]);
    });

    it('finds the customers of an indirect reseller by its tenant id', async () => {
      const response = await search({
        Field: 'IndirectReseller',
        Value: 'C945DABB',
        Operator: 'starts_with',
      });
      expect(names(response)).toEqual(
        expect.arrayContaining(['Contoso', 'Sprindis Fence Company', 'Proseware, Inc.']),
      );
    });

    it('answers an empty collection when nothing matches', async () => {
      const response = await search({ Field: 'CompanyName', Value: 'Nobody Here', Operator: 'starts_with' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ totalCount: 0, items: [] });
    });

    it('refuses other operators, unknown fields and malformed filters with 400 800002', async () => {
      const bad = [
        filterParam({ Field: 'CompanyName', Value: 'Cont', Operator: 'equals' }),
        filterParam({ Field: 'CompanyName', Value: 'Cont', Operator: 'substring' }),
        filterParam({ Field: 'Country', Value: 'US', Operator: 'starts_with' }),
        filterParam({ Field: 'CompanyName', Value: 42, Operator: 'starts_with' }),
        encodeURIComponent('{"Field":"CompanyName",'),
        encodeURIComponent('["CompanyName"]'),
      ];
      for (const filter of bad) {
        const response = await api.get(`/v1/customers?filter=${filter}`);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe(800002);
      }
    });
  });

  describe('A3 get a customer', () => {
    it('answers the full shape with billingProfile, allowDelegatedAccess and customDomains', async () => {
      const response = await api.get('/v1/customers/EEBD1B55-5360-4438-A11D-5C06918C3014');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: 'eebd1b55-5360-4438-a11d-5c06918c3014',
        commerceId: '99e6a635-48e7-424d-9059-c9db944e3c54',
        companyProfile: { domain: 'abcdefgh1234.ccsctp.net', companyName: '1kl as kjk', email: 'a@a.com' },
        billingProfile: {
          id: 'eeada110-69d6-4cc9-b093-75feb7ca9d3f',
          culture: 'en-US',
          attributes: { etag: '-4242348048554929329', objectType: 'CustomerBillingProfile' },
        },
        relationshipToPartner: 'reseller',
        allowDelegatedAccess: true,
        customDomains: ['abcdefgh1234.ccsctp.net'],
        attributes: { objectType: 'Customer' },
      });
    });

    it('answers 404 60003 for an unknown tenant and 400 800002 for a malformed GUID', async () => {
      const unknown = await api.get('/v1/customers/00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        code: 60003,
        description: 'Tenant not found',
        data: [],
        source: 'PartnerFD',
      });
      const malformed = await api.get('/v1/customers/not-a-guid');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe(800002);
    });
  });

  describe('A4 company profile', () => {
    it('answers the documented profile of DT Demo CSP Customer 005, verbatim quirks included', async () => {
      const response = await api.get(`/v1/customers/${ids.dtDemo}/profiles/company`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        tenantId: ids.dtDemo,
        domain: 'dtdemocspcustomer005.onmicrosoft.com',
        companyName: 'DT Demo CSP Customer 005',
        address: {
          country: 'US',
          region: 'WA',
          city: 'Redmond ',
          addressLine1: '1 Microsoft Way',
          postalCode: '98052',
          phoneNumber: '4155551212',
        },
        email: 'daniel@hotmail.comtw',
        links: { self: { uri: `/customers/${ids.dtDemo}/profiles/company`, method: 'GET', headers: [] } },
        attributes: { objectType: 'CustomerCompanyProfile' },
      });
    });
  });
});
