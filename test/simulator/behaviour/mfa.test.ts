import type { RunningSimulator } from '../../../src/simulator';
import { client, ids, manualClock, start, unsignedJwt } from '../sim-client';

const audience = 'https://api.partnercenter.microsoft.com';
const agentOid = 'b15a2b4c-3d67-4bae-af34-6dbf5eab9c54';
const appId = '0a1b2c3d-0000-4000-8000-000000000011';

function appUser(nowSeconds: number, amr?: string[]) {
  return {
    Authorization: `Bearer ${unsignedJwt({
      aud: audience,
      exp: nowSeconds + 3600,
      scp: 'user_impersonation',
      oid: agentOid,
      appid: appId,
      ...(amr ? { amr } : {}),
    })}`,
  };
}

function appOnly(nowSeconds: number) {
  return {
    Authorization: `Bearer ${unsignedJwt({ aud: audience, exp: nowSeconds + 3600, idtyp: 'app', appid: appId })}`,
  };
}

let simulator: RunningSimulator;
afterEach(() => simulator.close());

describe("MFA on App+User tokens in 'claims' mode (enforced by Partner Center since 1 April 2026)", () => {
  const customer = `/v1/customers/${ids.dtDemo}`;

  it('refuses an App+User token without mfa in amr with 401 900421, on every operation', async () => {
    const now = '2026-04-01T00:00:00Z';
    simulator = await start({ auth: 'claims', now: manualClock(now).now });
    const api = client(simulator);
    const seconds = Date.parse(now) / 1000;
    for (const path of [customer, `${customer}/users`]) {
      const response = await api.get(path, appUser(seconds, ['pwd']));
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 900421, source: 'PartnerFD' });
      expect(response.body.description).toMatch(/multifactor authentication is required/i);
      expect(response.headers.get('www-authenticate')).toContain('realm=');
    }
    expect((await api.get(`${customer}/users`, appUser(seconds, ['pwd', 'mfa']))).status).toBe(200);
    expect((await api.get(customer, appOnly(seconds))).status).toBe(200);
  });

  it('accepts such tokens before the enforcement date, or when enforcement is switched off', async () => {
    const before = '2026-03-31T23:59:00Z';
    simulator = await start({ auth: 'claims', now: manualClock(before).now });
    expect((await client(simulator).get(customer, appUser(Date.parse(before) / 1000))).status).toBe(200);
    await simulator.close();

    const after = '2026-06-01T00:00:00Z';
    simulator = await start({ auth: 'claims', now: manualClock(after).now, mfaEnforcedFrom: null });
    expect((await client(simulator).get(customer, appUser(Date.parse(after) / 1000))).status).toBe(200);
  });
});

describe('whose token each call carried', () => {
  it('counts calls per token subject and route, including refused and tokenless calls', async () => {
    const now = '2026-05-01T00:00:00Z';
    const seconds = Date.parse(now) / 1000;
    simulator = await start({ auth: 'claims', now: manualClock(now).now });
    const api = client(simulator);
    await api.get(`/v1/customers/${ids.dtDemo}/users`, appUser(seconds, ['pwd', 'mfa']));
    await api.get(`/v1/customers/${ids.dtDemo}/users`, appUser(seconds, ['pwd']));
    await api.get(`/v1/customers/${ids.dtDemo}`, appOnly(seconds));
    await api.get(`/v1/customers/${ids.dtDemo}`);
    expect(simulator.calls.bySubject()).toEqual({
      [agentOid]: { 'GET /v1/customers/{customer-tenant-id}/users': 2 },
      [appId]: { 'GET /v1/customers/{customer-tenant-id}': 1 },
      '(none)': { 'GET /v1/customers/{customer-tenant-id}': 1 },
    });
    expect((await api.get('/_sim/calls/by-subject')).body).toEqual(simulator.calls.bySubject());
    simulator.calls.reset();
    expect(simulator.calls.bySubject()).toEqual({});
  });
});
