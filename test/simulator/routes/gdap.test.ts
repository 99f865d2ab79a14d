import type { RunningSimulator } from '../../../src/simulator';
import { entraRoles } from '../../../src/simulator';
import { client, ids, manualClock, type SimClient, start, unsignedJwt } from '../sim-client';

const ALPINE = '86d9c571-b1fe-48b9-93bf-26e5c557d77e'; // Directory Readers only
const ALPINE_ADMIN = '94849fb4-ac23-47c7-bbab-dbd82656c3e3';
const HUMONGOUS = '8826a443-cc53-4256-a4bf-93fb573bb931'; // no relationship
const LUCERNE = 'cf4b81b9-d6c2-4979-a2f3-3c81661dcc08'; // PAA + Directory Readers; User Administrator expired
const LUCERNE_ADMIN = '71437fdb-37a9-4ddf-bec2-3bcb5a39d977';
const NOW = '2026-05-04T09:00:00Z';
const NOW_SECONDS = Date.parse(NOW) / 1000;

const resetBody = {
  passwordProfile: { password: 'Renew456*Renew', forceChangePassword: true },
  attributes: { objectType: 'CustomerUser' },
};
const restoreBody = { state: 'active', attributes: { objectType: 'CustomerUser' } };

let simulator: RunningSimulator;
let api: SimClient;

afterEach(() => simulator.close());

describe('GDAP roles on customer-user operations (Partner Center "GDAP roles" sections)', () => {
  beforeEach(async () => {
    simulator = await start({ now: manualClock(NOW).now });
    api = client(simulator);
  });

  it('lets a customer whose relationship grants User Administrator and Privileged Authentication Administrator do everything', async () => {
    expect((await api.get(`/v1/customers/${ids.dtDemo}/users`)).status).toBe(200);
    const reset = await api.patch(
      `/v1/customers/${ids.dtDemo}/users/${ids.danielTsai}/resetpassword`,
      resetBody,
    );
    expect(reset.status).toBe(200);
  });

  it('answers 403 naming the roles a reset needs when the customer grants only Directory Readers', async () => {
    expect((await api.get(`/v1/customers/${ALPINE}/users`)).status).toBe(200);
    const reset = await api.patch(`/v1/customers/${ALPINE}/users/${ALPINE_ADMIN}/resetpassword`, resetBody);
    expect(reset.status).toBe(403);
    expect(reset.body).toEqual({
      code: 2032,
      description: 'The supplied role does not have the rights to perform the requested operation.',
      data: [
        'InsufficientGdapRoleException : requires one of User Administrator, Privileged Authentication Administrator',
      ],
      source: 'PartnerFD',
    });
  });

  it('tells the jobs of the older PATCH path apart: a restore needs User Administrator or Directory Writers', async () => {
    const restore = await api.patch(`/v1/customers/${ALPINE}/users/${ALPINE_ADMIN}`, restoreBody);
    expect(restore.status).toBe(403);
    expect(restore.body.data).toEqual([
      'InsufficientGdapRoleException : requires one of User Administrator, Directory Writers',
    ]);
  });

  it('refuses even listing users of a customer without any relationship', async () => {
    const list = await api.get(`/v1/customers/${HUMONGOUS}/users`);
    expect(list.status).toBe(403);
    expect(list.body.data[0]).toMatch(/Directory Readers, Global Reader, User Administrator/);
  });

  it('counts only active relationships: an expired User Administrator grant does not allow a restore', async () => {
    expect(
      (await api.patch(`/v1/customers/${LUCERNE}/users/${LUCERNE_ADMIN}/resetpassword`, resetBody)).status,
    ).toBe(200);
    expect((await api.patch(`/v1/customers/${LUCERNE}/users/${LUCERNE_ADMIN}`, restoreBody)).status).toBe(
      403,
    );
  });

  it('still answers 404 for an unknown customer, and follows roles granted later', async () => {
    expect((await api.get('/v1/customers/00000000-0000-4000-8000-000000000000/users')).status).toBe(404);
    simulator.gdap.setRoles(HUMONGOUS, [entraRoles.directoryReaders.id]);
    expect((await api.get(`/v1/customers/${HUMONGOUS}/users`)).status).toBe(200);
    simulator.gdap.setRoles(ids.dtDemo, []);
    expect((await api.get(`/v1/customers/${ids.dtDemo}/users`)).status).toBe(403);
  });
});

describe("Graph's delegatedAdminRelationships read", () => {
  const path = (customerId: string) =>
    `/v1.0/tenantRelationships/delegatedAdminRelationships?$filter=${encodeURIComponent(`customer/tenantId eq '${customerId}'`)}`;
  const graphToken = (claims: Record<string, unknown> = {}) => ({
    Authorization: `Bearer ${unsignedJwt({
      aud: 'https://graph.microsoft.com',
      exp: NOW_SECONDS + 3600,
      idtyp: 'app',
      roles: ['DelegatedAdminRelationship.Read.All'],
      ...claims,
    })}`,
  });

  it('lists a customer’s relationships with their roles and status', async () => {
    simulator = await start({ now: manualClock(NOW).now });
    api = client(simulator);
    const response = await api.get(path(LUCERNE));
    expect(response.status).toBe(200);
    const relationships = response.body.value as {
      status: string;
      customer: { tenantId: string; displayName: string };
      accessDetails: { unifiedRoles: { roleDefinitionId: string }[] };
    }[];
    expect(relationships.map((relationship) => relationship.status).sort()).toEqual(['active', 'expired']);
    const active = relationships.find((relationship) => relationship.status === 'active');
    expect(active?.customer).toEqual({ tenantId: LUCERNE, displayName: 'Lucerne Publishing' });
    expect(active?.accessDetails.unifiedRoles.map((role) => role.roleDefinitionId).sort()).toEqual(
      [entraRoles.privilegedAuthenticationAdministrator.id, entraRoles.directoryReaders.id].sort(),
    );
    expect((await api.get(path(HUMONGOUS))).body.value).toEqual([]);
    expect(simulator.gdap.reads()).toBe(2);
    expect(simulator.calls.count()).toBe(0);
  });

  it('supports only the customer filter', async () => {
    simulator = await start({ now: manualClock(NOW).now });
    api = client(simulator);
    const response = await api.get('/v1.0/tenantRelationships/delegatedAdminRelationships');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BadRequest');
  });

  it("in 'claims' mode needs a Graph token with DelegatedAdminRelationship.Read.All", async () => {
    simulator = await start({ auth: 'claims', now: manualClock(NOW).now });
    api = client(simulator);
    expect((await api.get(path(LUCERNE))).status).toBe(401);
    expect(
      (await api.get(path(LUCERNE), graphToken({ aud: 'https://api.partnercenter.microsoft.com' }))).status,
    ).toBe(401);
    const unprivileged = await api.get(path(LUCERNE), graphToken({ roles: [] }));
    expect(unprivileged.status).toBe(403);
    expect(unprivileged.body.error.code).toBe('Authorization_RequestDenied');
    expect((await api.get(path(LUCERNE), graphToken())).status).toBe(200);
    expect(
      (
        await api.get(
          path(LUCERNE),
          graphToken({ roles: undefined, scp: 'DelegatedAdminRelationship.Read.All' }),
        )
      ).status,
    ).toBe(200);
  });
});
