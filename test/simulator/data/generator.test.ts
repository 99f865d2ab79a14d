import { generatedCustomer } from '../../../src/simulator/data/generator';
import { directoryRoles } from '../../../src/simulator/data/seed-data';
import { allPages, client, filterParam, start } from '../sim-client';

describe('generated extra customers', () => {
  it('are the same on every run: the same index gives the same profile, users and subscriptions', () => {
    const first = generatedCustomer(42);
    const second = generatedCustomer(42);
    expect(second.profile).toEqual(first.profile);
    expect(second.content()).toEqual(first.content());
    expect(generatedCustomer(43).profile.id).not.toBe(first.profile.id);
  });

  it('have plausible, unique names, domains and ids', () => {
    const profiles = Array.from({ length: 2000 }, (_, index) => generatedCustomer(index).profile);
    expect(new Set(profiles.map((profile) => profile.id)).size).toBe(2000);
    expect(new Set(profiles.map((profile) => profile.domain)).size).toBe(2000);
    for (const profile of profiles.slice(0, 50)) {
      expect(profile.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(profile.companyName).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+/);
      expect(profile.domain).toMatch(/^[a-z]+\d{4,}\.onmicrosoft\.com$/);
    }
  });

  it('each have a global admin, a few users (some deleted within 30 days) and one to four subscriptions', () => {
    for (let index = 0; index < 200; index++) {
      const { users, subscriptions } = generatedCustomer(index).content();
      expect(users[0]?.roleIds).toEqual([directoryRoles.globalAdministrator.id]);
      expect(users.length).toBeGreaterThanOrEqual(3);
      for (const user of users) {
        if (user.deletedDaysAgo !== undefined) expect(user.deletedDaysAgo).toBeLessThan(30);
      }
      expect(subscriptions.length).toBeGreaterThanOrEqual(1);
      expect(subscriptions.length).toBeLessThanOrEqual(4);
    }
  });

  it('10,000 of them start fast and can be paged and searched', async () => {
    const started = performance.now();
    const simulator = await start({ extraCustomers: 10_000 });
    const startMs = performance.now() - started;
    try {
      expect(startMs).toBeLessThan(3000);
      const api = client(simulator);
      const pages = await allPages(api, '/v1/customers?size=500');
      const total = pages.reduce((sum, page) => sum + page.totalCount, 0);
      expect(total).toBeGreaterThan(10_000);
      const last = pages.at(-1).items.at(-1);
      const users = await api.get(`/v1/customers/${last.id}/users`);
      expect(users.status).toBe(200);
      expect(users.body.items[0].userPrincipalName).toBe(`admin@${last.companyProfile.domain}`);
      const filter = filterParam({
        Field: 'Domain',
        Value: last.companyProfile.domain,
        Operator: 'starts_with',
      });
      expect((await api.get(`/v1/customers?filter=${filter}`)).body.items).toEqual([last]);
    } finally {
      await simulator.close();
    }
  });
});
