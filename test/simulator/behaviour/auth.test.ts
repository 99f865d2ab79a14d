import type { RunningSimulator } from '../../../src/simulator';
import { client, ids, manualClock, type SimClient, start, unsignedJwt } from '../sim-client';

const NOW_SECONDS = Date.parse('2025-03-01T12:00:00Z') / 1000;
const audience = 'https://api.partnercenter.microsoft.com';
const appUser = {
  aud: audience,
  exp: NOW_SECONDS + 3600,
  scp: 'user_impersonation',
  oid: 'b9f1c2d3-0000-4000-8000-000000000010',
  upn: 'lucy.allen@contosocsp.onmicrosoft.com',
  name: 'Lucy Allen',
  appid: '0a1b2c3d-0000-4000-8000-000000000011',
};
const appOnly = {
  aud: audience,
  exp: NOW_SECONDS + 3600,
  idtyp: 'app',
  roles: ['Partner.ReadWrite'],
  appid: '0a1b2c3d-0000-4000-8000-000000000011',
};
const bearer = (claims: Record<string, unknown>) => ({ Authorization: `Bearer ${unsignedJwt(claims)}` });

describe("simulated authentication, auth 'claims' (reference §2.2)", () => {
  let simulator: RunningSimulator;
  let api: SimClient;
  const customer = `/v1/customers/${ids.dtDemo}`;
  const users = `${customer}/users`;

  beforeEach(async () => {
    simulator = await start({ auth: 'claims', now: manualClock('2025-03-01T12:00:00Z').now });
    api = client(simulator);
  });
  afterEach(() => simulator.close());

  it('answers 401 800001 with WWW-Authenticate when there is no token', async () => {
    const response = await api.get(customer);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      code: 800001,
      description: 'Partner Token missing in request context',
      data: [],
      source: 'PartnerFD',
    });
    expect(response.headers.get('www-authenticate')).toContain('realm=');
  });

  it('answers 401 400 to unreadable, wrong-audience, expired, not-yet-valid and unscoped tokens', async () => {
    const refused = [
      { Authorization: 'Bearer not-a-jwt' },
      { Authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
      bearer({ ...appUser, aud: 'https://graph.windows.net' }),
      bearer({ ...appUser, exp: NOW_SECONDS - 1 }),
      bearer({ ...appUser, nbf: NOW_SECONDS + 60 }),
      bearer({ ...appUser, exp: undefined }),
      bearer({ ...appUser, scp: 'openid profile' }),
    ];
    for (const headers of refused) {
      const response = await api.get(customer, headers);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 400, description: 'Access denied' });
    }
  });

  it('lets an App-only token call operations that allow it, and refuses App+User-only ones with 403 2032', async () => {
    expect((await api.get(customer, bearer(appOnly))).status).toBe(200);
    expect((await api.get(`${customer}/subscriptions`, bearer(appOnly))).status).toBe(200);
    const userOperations = [
      api.get(users, bearer(appOnly)),
      api.patch(
        `${users}/${ids.danielTsai}/resetpassword`,
        { passwordProfile: { password: 'Renew456*' } },
        bearer(appOnly),
      ),
      api.delete(`${users}/${ids.danielTsai}`, bearer(appOnly)),
      api.get(`${customer}/profiles/company`, bearer(appOnly)),
      api.get('/v1/servicerequests/supporttopics', bearer(appOnly)),
    ];
    for (const response of await Promise.all(userOperations)) {
      expect(response.status).toBe(403);
      expect(response.body).toEqual({
        code: 2032,
        description: 'Access denied',
        data: [],
        source: 'PartnerFD',
      });
    }
    expect((await api.get(`${users}/${ids.danielTsai}`, bearer(appUser))).status).toBe(200);
  });

  it('accepts the audience with a trailing slash or in a list, and names the caller in the activity log', async () => {
    await api.patch(
      `${users}/${ids.danielTsai}/resetpassword`,
      { passwordProfile: { password: 'Renew456*' } },
      bearer({ ...appUser, aud: [`${audience}/`] }),
    );
    const audit = await api.get('/v1/auditrecords', bearer(appOnly));
    expect(audit.body.items[0]).toMatchObject({
      userPrincipalName: 'lucy.allen@contosocsp.onmicrosoft.com',
      applicationId: '0a1b2c3d-0000-4000-8000-000000000011',
    });
  });
});

describe("simulated authentication, auth 'off'", () => {
  it('needs no token, and does not hold a token type against the caller', async () => {
    const simulator = await start();
    try {
      const api = client(simulator);
      expect((await api.get(`/v1/customers/${ids.dtDemo}/users`)).status).toBe(200);
      expect((await api.get(`/v1/customers/${ids.dtDemo}/users`, bearer(appOnly))).status).toBe(200);
    } finally {
      await simulator.close();
    }
  });
});
