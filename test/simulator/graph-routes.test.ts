import { request } from 'undici';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import { directoryGroups as groups, directoryUsers as people } from '../../src/simulator/data/directory';
import { CHECK_MEMBER_GROUPS_ROUTE } from '../../src/simulator/graph-routes';

/** The simulator's Microsoft Graph route over HTTP: Graph's request and error shapes. */

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(async () => {
  await simulator.close();
});

async function checkMemberGroups(userId: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await request(`${simulator.url}/v1.0/users/${userId}/checkMemberGroups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
}

describe('the simulator’s checkMemberGroups', () => {
  it('answers the asked groups the user is a transitive member of, as Graph does', async () => {
    const answer = await checkMemberGroups(people.lynne, { groupIds: [groups.viewers, groups.supervisors] });
    expect(answer).toEqual({
      status: 200,
      body: {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)',
        value: [groups.viewers],
      },
    });
  });

  it('answers 404 Request_ResourceNotFound for a user the directory does not hold', async () => {
    const answer = await checkMemberGroups('00000000-0000-4000-8000-00000000abcd', {
      groupIds: [groups.viewers],
    });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'Request_ResourceNotFound' } });
  });

  it('answers 400 for a body that is not JSON, group ids that are not GUIDs, or more than 20 of them', async () => {
    expect((await checkMemberGroups(people.alex, '{"groupIds":')).status).toBe(400);
    expect((await checkMemberGroups(people.alex, { groupIds: ['admins'] })).body).toMatchObject({
      error: { code: 'Request_BadRequest' },
    });
    const many = Array.from({ length: 21 }, () => groups.admins);
    expect((await checkMemberGroups(people.alex, { groupIds: many })).status).toBe(400);
  });

  it('follows membership changes made while it runs', async () => {
    simulator.directory.addMember(groups.admins, people.patti);
    try {
      expect((await checkMemberGroups(people.patti, { groupIds: [groups.admins] })).body.value).toEqual([
        groups.admins,
      ]);
    } finally {
      simulator.directory.removeMember(groups.admins, people.patti);
    }
    expect((await checkMemberGroups(people.patti, { groupIds: [groups.admins] })).body.value).toEqual([]);
  });

  it('is counted and faulted like the Partner Center routes', async () => {
    const before = simulator.calls.count(CHECK_MEMBER_GROUPS_ROUTE);
    simulator.faults.add({ route: CHECK_MEMBER_GROUPS_ROUTE, status: 429, times: 1 });
    const throttled = await request(`${simulator.url}/v1.0/users/${people.alex}/checkMemberGroups`, {
      method: 'POST',
      body: JSON.stringify({ groupIds: [groups.admins] }),
    });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    await throttled.body.dump();
    expect(simulator.calls.count(CHECK_MEMBER_GROUPS_ROUTE)).toBe(before + 1);
  });

  it('in claims mode, refuses a call without a Graph token', async () => {
    const strict = await startSimulator({ auth: 'claims' });
    try {
      const response = await request(`${strict.url}/v1.0/users/${people.alex}/checkMemberGroups`, {
        method: 'POST',
        headers: { authorization: 'Bearer not-a-jwt' },
        body: JSON.stringify({ groupIds: [groups.admins] }),
      });
      expect(response.statusCode).toBe(401);
      expect(await response.body.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    } finally {
      await strict.close();
    }
  });
});
