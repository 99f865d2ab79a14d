import { createServer } from 'node:net';
import type { AppError } from '../../src/errors';
import { GraphGroupMembership } from '../../src/graph/graph-group-membership';
import { GRAPH_SCOPE, GraphTokenProvider, noGraphToken } from '../../src/graph/graph-token-provider';
import { silentLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import { directoryGroups as groups, directoryUsers as people } from '../../src/simulator/data/directory';
import { CHECK_MEMBER_GROUPS_ROUTE } from '../../src/simulator/graph-routes';
import { fakeTokenEndpoint, unsignedJwt } from '../api/support/fake-token-endpoint';

/**
 * Group membership through Microsoft Graph's checkMemberGroups, served by the simulator's directory
 * (Helpdesk Viewers ⊃ Helpdesk Agents ⊃ Tier 2 Support ∋ Lynne; Patti in no helpdesk group).
 */

const logger = silentLogger();
const roleFileGroups = [groups.viewers, groups.agents, groups.supervisors, groups.admins];
const SECRET = 'graph-client-secret-~value';

let simulator: RunningSimulator;
let graph: GraphGroupMembership;

beforeAll(async () => {
  simulator = await startSimulator();
  graph = new GraphGroupMembership({ baseUrl: simulator.url, timeoutMs: 1000, tokens: noGraphToken, logger });
});
afterEach(() => simulator.faults.clear());
afterAll(async () => {
  await graph.close();
  await simulator.close();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

describe('group membership through Microsoft Graph', () => {
  it('names the groups a user is in directly', async () => {
    expect(await graph.memberGroupsOf(people.adele, roleFileGroups)).toEqual(
      expect.arrayContaining([groups.supervisors, groups.viewers]),
    );
    expect(await graph.memberGroupsOf(people.alex, roleFileGroups)).toEqual([groups.admins]);
  });

  it('follows nested groups: Lynne is an agent and a viewer through Tier 2 Support', async () => {
    expect((await graph.memberGroupsOf(people.lynne.toUpperCase(), roleFileGroups)).sort()).toEqual(
      [groups.agents, groups.viewers].sort(),
    );
  });

  it('answers nothing for a user in none of the groups, or unknown to the directory', async () => {
    expect(await graph.memberGroupsOf(people.patti, roleFileGroups)).toEqual([]);
    expect(await graph.memberGroupsOf('00000000-0000-4000-8000-00000000abcd', roleFileGroups)).toEqual([]);
  });

  it('asks about more than 20 groups in several calls', async () => {
    const many = [
      ...Array.from(
        { length: 24 },
        (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      ),
      groups.admins,
    ];
    const before = simulator.calls.count(CHECK_MEMBER_GROUPS_ROUTE);
    expect(await graph.memberGroupsOf(people.alex, many)).toEqual([groups.admins]);
    expect(simulator.calls.count(CHECK_MEMBER_GROUPS_ROUTE) - before).toBe(2);
  });

  it('fails with GROUPS_UNAVAILABLE when Graph fails, throttles or stalls', async () => {
    simulator.faults.add({ route: CHECK_MEMBER_GROUPS_ROUTE, status: 503, times: 1 });
    expect(await failure(graph.memberGroupsOf(people.megan, roleFileGroups))).toMatchObject({
      code: 'GROUPS_UNAVAILABLE',
      details: { status: 503, graphCode: 'serviceNotAvailable' },
    });
    simulator.faults.add({ route: CHECK_MEMBER_GROUPS_ROUTE, status: 429, times: 1 });
    expect((await failure(graph.memberGroupsOf(people.megan, roleFileGroups))).code).toBe(
      'GROUPS_UNAVAILABLE',
    );

    simulator.faults.add({ route: CHECK_MEMBER_GROUPS_ROUTE, mode: 'stall', times: 1 });
    const started = Date.now();
    expect((await failure(graph.memberGroupsOf(people.megan, roleFileGroups))).code).toBe(
      'GROUPS_UNAVAILABLE',
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails with GROUPS_UNAVAILABLE when Graph cannot be reached', async () => {
    const closedPort = await unusedPort();
    const unreachable = new GraphGroupMembership({
      baseUrl: `http://127.0.0.1:${closedPort}`,
      timeoutMs: 1000,
      tokens: noGraphToken,
      logger,
    });
    try {
      expect((await failure(unreachable.memberGroupsOf(people.megan, roleFileGroups))).code).toBe(
        'GROUPS_UNAVAILABLE',
      );
    } finally {
      await unreachable.close();
    }
  });

  it('refuses a caller id that is not an Entra object id, without calling Graph', async () => {
    const before = simulator.calls.count(CHECK_MEMBER_GROUPS_ROUTE);
    expect((await failure(graph.memberGroupsOf('../../groups', roleFileGroups))).code).toBe(
      'GROUPS_UNAVAILABLE',
    );
    expect(simulator.calls.count(CHECK_MEMBER_GROUPS_ROUTE)).toBe(before);
  });
});

describe('Microsoft Graph app tokens', () => {
  const clientId = '0e3c1d24-1111-4222-8333-444455556666';
  const tenantId = '11111111-2222-3333-4444-555555555555';

  it('are client-credential tokens for https://graph.microsoft.com/.default, sent as the bearer and reused', async () => {
    const claimsSimulator = await startSimulator({ auth: 'claims' });
    const endpoint = fakeTokenEndpoint();
    endpoint.answerWith(() => ({
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: 3600,
        access_token: unsignedJwt({
          aud: 'https://graph.microsoft.com',
          exp: Math.floor(Date.now() / 1000) + 3600,
        }),
      },
    }));
    const tokens = new GraphTokenProvider({
      clientId,
      clientSecret: SECRET,
      tenantId,
      networkClient: endpoint,
    });
    const client = new GraphGroupMembership({
      baseUrl: claimsSimulator.url,
      timeoutMs: 2000,
      tokens,
      logger,
    });
    const anonymous = new GraphGroupMembership({
      baseUrl: claimsSimulator.url,
      timeoutMs: 2000,
      tokens: noGraphToken,
      logger,
    });
    try {
      expect(await client.memberGroupsOf(people.megan, roleFileGroups)).toEqual(
        expect.arrayContaining([groups.agents]),
      );
      await client.memberGroupsOf(people.isaiah, roleFileGroups);
      expect(endpoint.tokenRequests).toHaveLength(1);
      expect(endpoint.tokenRequests[0]?.form.get('grant_type')).toBe('client_credentials');
      expect(endpoint.tokenRequests[0]?.form.get('scope')).toContain(GRAPH_SCOPE);
      expect((await failure(anonymous.memberGroupsOf(people.megan, roleFileGroups))).details).toMatchObject({
        status: 401,
        graphCode: 'InvalidAuthenticationToken',
      });
    } finally {
      await client.close();
      await anonymous.close();
      await claimsSimulator.close();
    }
  });

  it('fail with GROUPS_UNAVAILABLE, never showing the secret, when the token endpoint refuses', async () => {
    const endpoint = fakeTokenEndpoint();
    endpoint.answerWith(() => ({
      status: 401,
      body: { error: 'invalid_client', error_description: `AADSTS7000215: Invalid client secret ${SECRET}` },
    }));
    const tokens = new GraphTokenProvider({
      clientId,
      clientSecret: SECRET,
      tenantId,
      networkClient: endpoint,
    });
    const error = await failure(tokens.getToken());
    expect(error.code).toBe('GROUPS_UNAVAILABLE');
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain(SECRET);
  });
});

function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
