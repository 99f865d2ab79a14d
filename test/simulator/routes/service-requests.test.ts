import type { RunningSimulator } from '../../../src/simulator';
import { client, ids, manualClock, type SimClient, start } from '../sim-client';

describe('simulated support: managed services and service requests (reference §7)', () => {
  let simulator: RunningSimulator;
  let api: SimClient;

  beforeEach(async () => {
    simulator = await start({ now: manualClock('2025-03-01T12:00:00Z').now });
    api = client(simulator);
  });
  afterEach(() => simulator.close());

  const trialRequest = {
    Title: 'TrialSR',
    Description: 'Ignore this SR',
    Severity: 'critical',
    SupportTopicId: '32444671',
  };

  describe('D1 managed services', () => {
    it('answers Exchange and Skype for Business deep links on the documented path and the seed alias', async () => {
      for (const segment of ['managedservices', 'managementservices']) {
        const response = await api.get(`/v1/customers/${ids.dtDemo}/${segment}`);
        expect(response.status).toBe(200);
        expect(response.body.items.map((item: { id: string; name: string }) => [item.id, item.name])).toEqual(
          [
            ['Exchange', 'Exchange'],
            ['MicrosoftCommunicationsOnline', 'SkypeforBusiness'],
          ],
        );
        expect(response.body.items[0].links.adminService.uri).toBe(
          `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${ids.dtDemo}&CSDEST=Exchange` +
            '&InitialDomain=dtdemocspcustomer005.onmicrosoft.com&PrimaryDomain=dtdemocspcustomer005.onmicrosoft.com',
        );
      }
      expect(simulator.calls.count('GET /v1/customers/{customer-tenant-id}/managementservices')).toBe(1);
    });
  });

  describe('D2 support topics', () => {
    it('answers 14 topics with numeric ids, the two documented ones included', async () => {
      const response = await api.get('/v1/servicerequests/supporttopics');
      expect(response.body.totalCount).toBe(14);
      expect(response.body.items.slice(0, 2)).toEqual([
        {
          name: 'Partner Center Issues',
          description:
            'Office 365 questions from the CSP (Cloud Solution Provider) partners using Partner Center',
          id: 32444667,
          attributes: { objectType: 'SupportTopic' },
        },
        {
          name: 'Cannot manage my profile',
          description: 'Issues that are related to errors or problems with managing a profile',
          id: 32444671,
          attributes: { objectType: 'SupportTopic' },
        },
      ]);
    });

    it('localizes topic names for X-Locale fr-FR and echoes the header', async () => {
      const response = await api.get('/v1/servicerequests/supporttopics', { 'X-Locale': 'fr-FR' });
      expect(response.body.items[1].name).toBe('Impossible de gérer mon profil');
      expect(response.headers.get('x-locale')).toBe('fr-FR');
    });
  });

  describe('D3 create, D5 get, D6 update', () => {
    it('creates a request with 201, a 15-digit id and the topic name, and gets it back', async () => {
      const created = await api.post('/v1/servicerequests/en-US', trialRequest);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        title: 'TrialSR',
        description: 'Ignore this SR',
        severity: 'critical',
        supportTopicId: '32444671',
        supportTopicName: 'Cannot manage my profile',
        status: 'open',
        organization: { name: 'Contoso' },
        primaryContact: { firstName: 'John', lastName: 'Johnson', email: 'john@contoso.onmicrosoft.com' },
        createdDate: '2025-03-01T12:00:00Z',
        lastClosedDate: '0001-01-01T00:00:00',
        countryCode: 'US',
        attributes: { objectType: 'ServiceRequest' },
      });
      expect(created.body.id).toMatch(/^\d{15}$/);
      const fetched = await api.get(`/v1/servicerequests/${created.body.id}`);
      expect(fetched.body).toEqual(created.body);
    });

    it('keeps the notes sent with the create call (the documented way to add information), by the caller', async () => {
      const created = await api.post('/v1/servicerequests/en-US', {
        ...trialRequest,
        Notes: [{ Text: 'Customer: Contoso190 (c5757d70-06f3-4f23-8367-5a9e55019f94)' }],
      });
      expect(created.status).toBe(201);
      expect(created.body.notes).toEqual([
        {
          createdByName: 'John Johnson',
          createdDate: '2025-03-01T12:00:00Z',
          text: 'Customer: Contoso190 (c5757d70-06f3-4f23-8367-5a9e55019f94)',
        },
      ]);
      for (const notes of [{ text: 'not an array' }, [{ text: ' ' }], ['bare text']]) {
        const refused = await api.post('/v1/servicerequests/en-US', { ...trialRequest, notes });
        expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 3000 });
      }
    });

    it('accepts the topic id as a number and refuses invalid requests with 400 3000 or 800002', async () => {
      expect(
        (await api.post('/v1/servicerequests/en-US', { ...trialRequest, SupportTopicId: 32444667 })).status,
      ).toBe(201);
      const cases: [string, unknown, number][] = [
        ['/v1/servicerequests/en-US', { ...trialRequest, Title: '' }, 3000],
        ['/v1/servicerequests/en-US', { ...trialRequest, Description: undefined }, 3000],
        ['/v1/servicerequests/en-US', { ...trialRequest, Severity: 'unknown' }, 3000],
        ['/v1/servicerequests/en-US', { ...trialRequest, Severity: 'urgent' }, 3000],
        ['/v1/servicerequests/en-US', { ...trialRequest, SupportTopicId: '1' }, 3000],
        ['/v1/servicerequests/not%20a%20locale', trialRequest, 800002],
      ];
      for (const [path, body, code] of cases) {
        const response = await api.post(path, body);
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code });
      }
    });

    it('answers the documented TrialSR and 404 1000 for an unknown id', async () => {
      const documented = await api.get('/v1/servicerequests/616122292874576');
      expect(documented.body).toMatchObject({
        title: 'TrialSR',
        status: 'open',
        productId: '15960',
        notes: [{ createdByName: 'Account', createdDate: '2017-01-09T23:31:15.373', text: 'Sample Note' }],
      });
      const unknown = await api.get('/v1/servicerequests/999999999999999');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ code: 1000, description: 'Not found', data: [], source: 'PartnerFD' });
    });

    it('appends a note from the SDK-style body, treating nulls, unknown and none as no change', async () => {
      const response = await api.patch('/v1/servicerequests/616122292874576', {
        Id: null,
        Title: null,
        Description: null,
        Severity: 'unknown',
        SupportTopicId: null,
        Status: 'none',
        NewNote: { CreatedByName: null, CreatedDate: null, Text: 'Customer confirmed the fix' },
        Attributes: { ObjectType: 'ServiceRequest' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'open',
        severity: 'critical',
        lastModifiedDate: '2025-03-01T12:00:00Z',
      });
      expect(response.body.notes.at(-1)).toEqual({
        createdByName: 'John Johnson',
        createdDate: '2025-03-01T12:00:00Z',
        text: 'Customer confirmed the fix',
      });
    });

    it('moves through open → attention_needed → closed → open, and refuses closed → attention_needed', async () => {
      const path = '/v1/servicerequests/616122292874576';
      expect((await api.patch(path, { status: 'attention_needed' })).body.status).toBe('attention_needed');
      const closed = await api.patch(path, { status: 'closed' });
      expect(closed.body).toMatchObject({ status: 'closed', lastClosedDate: '2025-03-01T12:00:00Z' });
      expect((await api.patch(path, { status: 'attention_needed' })).body.code).toBe(3000);
      expect((await api.patch(path, { status: 1 })).body.status).toBe('open');
    });

    it('refuses changing the title or topic, and an empty note, with 400 3000', async () => {
      const path = '/v1/servicerequests/616122292874576';
      for (const body of [{ title: 'Other' }, { supportTopicId: 32444667 }, { newNote: { text: ' ' } }]) {
        expect((await api.patch(path, body)).body.code).toBe(3000);
      }
    });
  });

  describe("D4 a customer's service requests", () => {
    it('lists the requests tied to the customer, without links', async () => {
      const response = await api.get(`/v1/customers/${ids.dtDemo}/servicerequests`);
      expect(response.body).toMatchObject({
        totalCount: 1,
        items: [{ id: '615112491169010', title: 'Test', severity: 'unknown', status: 'open' }],
      });
      expect(response.body).not.toHaveProperty('links');
    });
  });
});
