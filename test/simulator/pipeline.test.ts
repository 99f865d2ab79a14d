import type { RunningSimulator } from '../../src/simulator';
import { client, ids, manualClock, type SimClient, start } from './sim-client';

describe('every simulated call (reference §2.3, §2.4, §2.8, §2.11)', () => {
  let simulator: RunningSimulator;
  let api: SimClient;

  beforeEach(async () => {
    simulator = await start({ now: manualClock('2025-03-01T12:00:00Z').now });
    api = client(simulator);
  });
  afterEach(() => simulator.close());

  describe('response headers', () => {
    it('echoes MS-RequestId and MS-CorrelationId and adds MS-CV, MS-ServerId and the JSON content type', async () => {
      const response = await api.get(`/v1/customers/${ids.dtDemo}`, {
        'MS-RequestId': '0d1f7d4e-5a0b-4a3c-9d51-3a4a6f0b2c11',
        'MS-CorrelationId': 'a1b2c3d4-0000-4000-8000-000000000002',
      });
      expect(response.headers.get('ms-requestid')).toBe('0d1f7d4e-5a0b-4a3c-9d51-3a4a6f0b2c11');
      expect(response.headers.get('ms-correlationid')).toBe('a1b2c3d4-0000-4000-8000-000000000002');
      expect(response.headers.get('ms-cv')).toMatch(/^[A-Za-z0-9+/]{16}\.0$/);
      expect(response.headers.get('ms-serverid')).toMatch(/^\d+$/);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('server')).toBeNull();
    });

    it('mints request and correlation ids when the caller sends none, on errors too', async () => {
      const response = await api.get('/v1/customers/00000000-0000-4000-8000-000000000000');
      expect(response.status).toBe(404);
      expect(response.headers.get('ms-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('ms-correlationid')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('what the simulator does not serve', () => {
    it('answers unknown paths and methods with 404 and the documented body', async () => {
      for (const [method, path] of [
        ['GET', '/v1/offers'],
        ['GET', '/nothing/here'],
        ['PUT', `/v1/customers/${ids.dtDemo}`],
        ['DELETE', '/v1/servicerequests/616122292874576'],
      ]) {
        const response = await api.send(method as string, path as string);
        expect({ method, path, status: response.status, body: response.body }).toEqual({
          method,
          path,
          status: 404,
          body: { code: 1000, description: 'Not found', data: [], source: 'PartnerFD' },
        });
        expect(response.headers.get('allow')).toBeNull();
      }
      expect(simulator.calls.count()).toBe(0);
    });

    it('ignores a body sent with a DELETE', async () => {
      const path = `/v1/customers/${ids.dakotaMall}/users/${ids.johnDoe}`;
      expect((await api.send('DELETE', path, '{not json')).status).toBe(204);
    });

    it('answers a body that is not a JSON object with 400 800002', async () => {
      const path = `/v1/customers/${ids.dtDemo}/subscriptions/${ids.azureSubscription}`;
      for (const body of ['{"status": "suspended"', '[1,2]', '"suspended"']) {
        const response = await api.patch(path, body);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ code: 800002, source: 'PartnerFD' });
      }
    });
  });

  describe('idempotency by MS-RequestId', () => {
    const dakotaUser = `/v1/customers/${ids.dakotaMall}/users/${ids.johnDoe}`;
    const requestId = { 'MS-RequestId': '7e57ab1e-0000-4000-8000-000000000003' };

    it('replays a completed write to a retry with the same request id, without doing it twice', async () => {
      const first = await api.delete(dakotaUser, requestId);
      const retry = await api.delete(dakotaUser, requestId);
      expect(first.status).toBe(204);
      expect(retry.status).toBe(204);
      expect((await api.delete(dakotaUser)).status).toBe(404);
      const audit = await api.get('/v1/auditrecords');
      expect(
        audit.body.items.filter(
          (item: { operationType: string }) => item.operationType === 'delete_customer_user',
        ),
      ).toHaveLength(1);
    });

    it('replays business failures too, and answers 409 800002 to the same id with another body', async () => {
      const path = `/v1/customers/${ids.dtDemo}/subscriptions/${ids.azureSubscription}`;
      const refused = await api.patch(path, { status: 'deleted' }, requestId);
      expect(refused.body.code).toBe(3000);
      expect((await api.patch(path, { status: 'deleted' }, requestId)).text).toBe(refused.text);
      const conflict = await api.patch(path, { status: 'suspended' }, requestId);
      expect(conflict.status).toBe(409);
      expect(conflict.body.code).toBe(800002);
    });

    it('treats the same request id on another path, or without one, as a new call', async () => {
      const path = `/v1/customers/${ids.dtDemo}/subscriptions/${ids.azureSubscription}`;
      const renamed = await api.patch(path, { friendlyName: 'One' }, requestId);
      const other = await api.patch(
        `${dakotaUser}/resetpassword`,
        { passwordProfile: { password: 'Renew456*' } },
        requestId,
      );
      expect(other.status).toBe(200);
      const again = await api.patch(path, { friendlyName: 'Two' });
      expect(again.body.attributes.etag).not.toBe(renamed.body.attributes.etag);
    });
  });
});
