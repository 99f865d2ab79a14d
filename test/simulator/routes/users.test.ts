import type { RunningSimulator } from '../../../src/simulator';
import {
  allPages,
  client,
  filterParam,
  ids,
  type ManualClock,
  manualClock,
  type SimClient,
  start,
} from '../sim-client';

const DAY = 24 * 60 * 60 * 1000;
const dakotaUsers = `/v1/customers/${ids.dakotaMall}/users`;
const inactiveFilter = filterParam({ Field: 'UserState', Value: 'Inactive', Operator: 'equals' });

describe('simulated customer users (reference §5)', () => {
  let simulator: RunningSimulator;
  let api: SimClient;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = manualClock('2025-03-01T12:00:00Z');
    simulator = await start({ now: clock.now });
    api = client(simulator);
  });
  afterEach(() => simulator.close());

  const deletedUsers = async () =>
    (await api.get(`${dakotaUsers}?size=500&filter=${inactiveFilter}`)).body.items as {
      id: string;
      softDeletionTime: string;
    }[];

  describe('B1 list users', () => {
    it('lists only active users, without passwordProfile, paging through links.next', async () => {
      const pages = await allPages(api, `${dakotaUsers}?size=2`);
      const users = pages.flatMap((page) => page.items);
      expect(pages).toHaveLength(3);
      expect(users.map((user) => user.displayName)).toEqual([
        'Dakota mall',
        'JohnDoe',
        'Megan Bowen',
        'Alex Wilber',
        'Lidia Holloway',
      ]);
      for (const user of users) {
        expect(user.state).toBe('active');
        expect(user).not.toHaveProperty('passwordProfile');
        expect(user.attributes).toEqual({ objectType: 'CustomerUser' });
      }
    });

    it('answers 404 60003 for an unknown customer', async () => {
      const response = await api.get('/v1/customers/11111111-1111-4111-8111-111111111111/users');
      expect(response.status).toBe(404);
      expect(response.body.code).toBe(60003);
    });
  });

  describe('B2 get a user', () => {
    it('answers the documented CustomerUser of Daniel Tsai', async () => {
      const response = await api.get(`/v1/customers/${ids.dtDemo}/users/${ids.danielTsai}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        usageLocation: 'US',
        id: ids.danielTsai,
        userPrincipalName: 'Daniel@dtdemocspcustomer005.onmicrosoft.com',
        firstName: 'Daniel',
        lastName: 'Tsai',
        displayName: 'Daniel Tsai',
        userDomainType: 'none',
        state: 'active',
        links: {
          self: { uri: `/customers/${ids.dtDemo}/users/${ids.danielTsai}`, method: 'GET', headers: [] },
        },
        attributes: { objectType: 'CustomerUser' },
      });
    });

    it('answers 404 60002 for unknown and deleted users', async () => {
      for (const userId of ['22222222-2222-4222-8222-222222222222', ids.ferdinand]) {
        const response = await api.get(`/v1/customers/${ids.dtDemo}/users/${userId}`);
        expect(response.status).toBe(404);
        expect(response.body).toEqual({
          code: 60002,
          description: 'User object Id is not found',
          data: [],
          source: 'PartnerFD',
        });
      }
    });
  });

  describe('B3 deleted users', () => {
    it('lists inactive users with softDeletionTime relative to the simulator clock', async () => {
      expect(await deletedUsers()).toEqual([
        expect.objectContaining({
          id: ids.pradeep,
          state: 'inactive',
          softDeletionTime: '2025-02-27T12:00:00Z',
        }),
        expect.objectContaining({
          id: ids.isaiah,
          state: 'inactive',
          softDeletionTime: '2025-02-02T12:00:00Z',
        }),
      ]);
    });

    it('accepts UserState Active too, and the operator in any documented form', async () => {
      for (const Operator of ['equals', 'Equals', 0]) {
        const filter = filterParam({ Field: 'UserState', Value: 'active', Operator });
        expect((await api.get(`${dakotaUsers}?filter=${filter}`)).body.totalCount).toBe(5);
      }
    });

    it('refuses the UserStatus spelling, other values and other operators with 400 800002', async () => {
      for (const filter of [
        { Field: 'UserStatus', Value: 'Inactive', Operator: 'equals' },
        { Field: 'UserState', Value: 'Deleted', Operator: 'equals' },
        { Field: 'UserState', Value: 'Inactive', Operator: 'starts_with' },
      ]) {
        const response = await api.get(`${dakotaUsers}?filter=${filterParam(filter)}`);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe(800002);
      }
    });
  });

  describe('B6 reset password', () => {
    const resetPath = `/v1/customers/${ids.dtDemo}/users/${ids.danielTsai}/resetpassword`;

    it('echoes the password and forceChangePassword sent, on the resetpassword path', async () => {
      const response = await api.patch(resetPath, {
        passwordProfile: { password: 'Renew456*', forceChangePassword: true },
        attributes: { objectType: 'CustomerUser' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: ids.danielTsai,
        state: 'active',
        passwordProfile: { password: 'Renew456*', forceChangePassword: true },
      });
    });

    it('also resets on the older PATCH .../users/{user-id} path, with PascalCase property names', async () => {
      const response = await api.patch(`/v1/customers/${ids.dtDemo}/users/${ids.danielTsai}`, {
        PasswordProfile: { Password: '5Cdxk5P_', ForceChangePassword: false },
      });
      expect(response.status).toBe(200);
      expect(response.body.passwordProfile).toEqual({ password: '5Cdxk5P_', forceChangePassword: false });
      const after = await api.get(`/v1/customers/${ids.dtDemo}/users/${ids.danielTsai}`);
      expect(after.body).not.toHaveProperty('passwordProfile');
    });

    it('refuses short or simple passwords with 400 3000, without repeating the password', async () => {
      for (const password of ['Ab1*', 'alllowercase1', 'ALLUPPER*****']) {
        const response = await api.patch(resetPath, {
          passwordProfile: { password, forceChangePassword: true },
        });
        expect(response.status).toBe(400);
        expect(response.body.code).toBe(3000);
        expect(response.text).not.toContain(password);
      }
    });

    it('refuses a missing password with 400 3000 and a deleted user with 400 3000 (restore first)', async () => {
      expect((await api.patch(resetPath, { passwordProfile: { forceChangePassword: true } })).body.code).toBe(
        3000,
      );
      const deleted = await api.patch(`/v1/customers/${ids.dtDemo}/users/${ids.ferdinand}/resetpassword`, {
        passwordProfile: { password: 'Renew456*' },
      });
      expect(deleted.status).toBe(400);
      expect(deleted.body.code).toBe(3000);
    });

    it('answers 404 60002 for an unknown user and 400 800002 for a body that is not JSON', async () => {
      const unknown = await api.patch(
        `/v1/customers/${ids.dtDemo}/users/33333333-3333-4333-8333-333333333333/resetpassword`,
        { passwordProfile: { password: 'Renew456*' } },
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe(60002);
      const malformed = await api.patch(resetPath, '{"passwordProfile": {');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe(800002);
    });
  });

  describe('B5 update a user', () => {
    const johnPath = `${dakotaUsers}/${ids.johnDoe}`;

    it('changes only the fields sent and answers the full user', async () => {
      const response = await api.patch(johnPath, {
        usageLocation: 'CA',
        attributes: { objectType: 'CustomerUser' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ usageLocation: 'CA', displayName: 'JohnDoe', firstName: 'John' });
      expect((await api.get(johnPath)).body.usageLocation).toBe('CA');
    });

    it('refuses a bad country, a foreign domain (400 3000) and a taken userPrincipalName (409 3000)', async () => {
      expect((await api.patch(johnPath, { usageLocation: 'USA' })).body.code).toBe(3000);
      expect((await api.patch(johnPath, { userPrincipalName: 'jd@contoso.com' })).body.code).toBe(3000);
      const taken = await api.patch(johnPath, { userPrincipalName: 'ADMIN@dakotamall.onmicrosoft.com' });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe(3000);
      expect((await api.get(johnPath)).body.userPrincipalName).toBe('jd1990@dakotamall.onmicrosoft.com');
    });
  });

  describe('B7 delete and B8 restore', () => {
    it('soft-deletes with 204 and no body; the user moves to the deleted list with softDeletionTime now', async () => {
      const response = await api.delete(`${dakotaUsers}/${ids.johnDoe}`);
      expect(response.status).toBe(204);
      expect(response.text).toBe('');
      expect((await api.get(`${dakotaUsers}/${ids.johnDoe}`)).status).toBe(404);
      expect(await deletedUsers()).toContainEqual(
        expect.objectContaining({ id: ids.johnDoe, softDeletionTime: '2025-03-01T12:00:00Z' }),
      );
      expect((await api.delete(`${dakotaUsers}/${ids.johnDoe}`)).body.code).toBe(60002);
    });

    it('restores with the documented PascalCase body within 30 days of deletion', async () => {
      clock.advance(2 * DAY); // Isaiah Langer was deleted 29 days ago now
      const response = await api.patch(`${dakotaUsers}/${ids.isaiah}`, {
        State: 'active',
        Attributes: { ObjectType: 'CustomerUser' },
      });
      expect(response.status).toBe(200);
      expect(response.body.state).toBe('active');
      expect(response.body).not.toHaveProperty('softDeletionTime');
      expect((await api.get(`${dakotaUsers}/${ids.isaiah}`)).status).toBe(200);
    });

    it('purges a user 30 days after deletion: gone from the deleted list, restore answers 404 60002', async () => {
      clock.advance(3 * DAY + 1); // 30 days and a millisecond since Isaiah Langer was deleted
      expect((await deletedUsers()).map((user) => user.id)).toEqual([ids.pradeep]);
      const response = await api.patch(`${dakotaUsers}/${ids.isaiah}`, { state: 'active' });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe(60002);
    });

    it('refuses to restore a user whose UPN a newer active user now holds: 409 3000, nothing changes', async () => {
      const created = await api.post(dakotaUsers, {
        userPrincipalName: 'isaiah.langer@dakotamall.onmicrosoft.com',
        displayName: 'Isaiah Langer (new)',
        passwordProfile: { password: 'abCD123*', forceChangePassword: true },
      });
      expect(created.status).toBe(200);
      const response = await api.patch(`${dakotaUsers}/${ids.isaiah}`, { state: 'active' });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe(3000);
      expect((await deletedUsers()).map((user) => user.id)).toContain(ids.isaiah);
    });

    it('treats restoring an active user as a no-op and refuses state inactive with 400 3000', async () => {
      expect((await api.patch(`${dakotaUsers}/${ids.johnDoe}`, { state: 'active' })).status).toBe(200);
      expect((await api.patch(`${dakotaUsers}/${ids.johnDoe}`, { state: 'inactive' })).body.code).toBe(3000);
    });
  });

  describe('B4 create user', () => {
    const newUser = {
      userPrincipalName: 'jd1991@dakotamall.onmicrosoft.com',
      firstName: 'John',
      lastName: 'Doe',
      displayName: 'JohnDoe',
      usageLocation: 'US',
      passwordProfile: { password: 'abCD123*', forceChangePassword: true },
      attributes: { objectType: 'CustomerUser' },
    };

    it('creates an active user with 200, echoing the password sent, and lists it afterwards', async () => {
      const response = await api.post(dakotaUsers, newUser);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        userPrincipalName: newUser.userPrincipalName,
        displayName: 'JohnDoe',
        usageLocation: 'US',
        state: 'active',
        passwordProfile: newUser.passwordProfile,
      });
      const listed = (await allPages(api, dakotaUsers)).flatMap((page) => page.items);
      const found = listed.find((user) => user.id === response.body.id);
      expect(found).toMatchObject({ userPrincipalName: newUser.userPrincipalName });
      expect(found).not.toHaveProperty('passwordProfile');
    });

    it('may take the UPN of a deleted user, but not that of an active one (409 3000)', async () => {
      const again = { ...newUser, userPrincipalName: 'pradeep.gupta@dakotamall.onmicrosoft.com' };
      expect((await api.post(dakotaUsers, again)).status).toBe(200);
      const taken = await api.post(dakotaUsers, {
        ...newUser,
        userPrincipalName: 'JD1990@dakotamall.onmicrosoft.com',
      });
      expect([taken.status, taken.body.code]).toEqual([409, 3000]);
    });

    it('refuses a foreign domain, a missing display name and a weak password with 400 3000', async () => {
      for (const body of [
        { ...newUser, userPrincipalName: 'jd@contoso.com' },
        { ...newUser, displayName: undefined },
        { ...newUser, passwordProfile: { password: 'short' } },
      ]) {
        const response = await api.post(dakotaUsers, body);
        expect([response.status, response.body.code]).toEqual([400, 3000]);
        expect(response.text).not.toContain('short"');
      }
    });
  });

  describe('B9 directory roles', () => {
    it("lists a user's roles: the Dakota mall admin is a Global Administrator", async () => {
      const response = await api.get(`${dakotaUsers}/7f316de0-3bcc-4ccf-b17f-531a39437e67/directoryroles`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        totalCount: 1,
        items: [
          {
            id: '62e90394-69f5-4237-9190-012177145e10',
            name: 'Global Administrator',
            attributes: { objectType: 'DirectoryRole' },
          },
        ],
        attributes: { objectType: 'Collection' },
      });
    });

    it("lists the tenant's roles, including the documented ones", async () => {
      const response = await api.get(`/v1/customers/${ids.dakotaMall}/directoryroles`);
      expect(response.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
            name: 'Helpdesk Administrator',
          }),
          expect.objectContaining({
            id: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
            name: 'User Account Administrator',
          }),
        ]),
      );
    });

    it('answers 404 60002 for the roles of a deleted user', async () => {
      expect((await api.get(`${dakotaUsers}/${ids.pradeep}/directoryroles`)).body.code).toBe(60002);
    });
  });
});
