import { seedCustomers, seedServiceRequests, supportTopics } from '../../../src/simulator/data/seed-data';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('the seed data of reference §8', () => {
  const users = seedCustomers.flatMap((customer) => customer.users);
  const subscriptions = seedCustomers.flatMap((customer) => customer.subscriptions);

  it('uses valid, unique GUIDs for customers, users and subscriptions', () => {
    for (const list of [seedCustomers, users, subscriptions]) {
      const listIds = list.map((item) => item.id.toLowerCase());
      for (const id of listIds) expect(id).toMatch(GUID);
      expect(new Set(listIds).size).toBe(listIds.length);
    }
  });

  it('names where each customer comes from, and marks what was invented', () => {
    for (const customer of seedCustomers) expect(customer.source).not.toBe('');
    const dakota = seedCustomers.find((customer) => customer.companyName === 'Dakota mall');
    expect(dakota?.synthetic).toContain('id');
  });

  it('gives the documented customers subscriptions in every state a helpdesk meets', () => {
    const statuses = new Set(subscriptions.map((subscription) => subscription.status));
    expect([...statuses].sort()).toEqual(['active', 'deleted', 'pending', 'suspended']);
    const provisioning = new Set(subscriptions.map((subscription) => subscription.provisioning ?? 'success'));
    expect([...provisioning].sort()).toEqual(['failed', 'pending', 'success']);
  });

  it('gives Dakota mall an admin, John Doe, more users and two deleted users inside the 30-day window', () => {
    const dakota = seedCustomers.find((customer) => customer.domain === 'dakotamall.onmicrosoft.com');
    const names = dakota?.users.map((user) => user.displayName);
    expect(names).toEqual(expect.arrayContaining(['Dakota mall', 'JohnDoe']));
    expect(
      dakota?.users.filter((user) => user.deletedDaysAgo !== undefined).map((user) => user.deletedDaysAgo),
    ).toEqual([2, 27]);
  });

  it('has 14 support topics and service requests that name existing topics', () => {
    expect(supportTopics).toHaveLength(14);
    for (const request of seedServiceRequests) {
      expect(supportTopics.map((topic) => String(topic.id))).toContain(request.supportTopicId);
      expect(request.id).toMatch(/^\d{15}$/);
    }
  });
});
