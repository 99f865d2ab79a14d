import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import { directoryGroups as groups } from '../../src/simulator/data/directory';
import { CHECK_MEMBER_GROUPS_ROUTE } from '../../src/simulator/graph-routes';
import { messageActivity, type TestUser, users } from '../support/activities';
import { composeQueryActivity } from '../support/teams-activities';
import { cardOf, cardTexts, startTestBot, type TestBot } from '../support/test-bot';

/** Starting the bot (embedded database, simulator) can be slow on a busy 2-core machine. */
const STARTUP_TIMEOUT_MS = 90_000;

/**
 * Roles from Entra ID groups, over real HTTP: the role file names groups, the bot asks the simulator's
 * Microsoft Graph (checkMemberGroups, transitive) which of them the caller is in, caches the answer, and
 * refuses when Graph cannot answer.
 */

const lynne = {
  id: 'user-id-5',
  name: 'Lynne Robbins',
  aadObjectId: 'e37c4d6e-5f89-4dc0-8156-8fd17acdbe76',
} as const;
/** Membership is reused this long (the shortest GROUP_MEMBERSHIP_CACHE_SECONDS). */
const CACHE_SECONDS = 10;

let simulator: RunningSimulator;
let bot: TestBot;
let now = Date.parse('2026-03-02T10:00:00Z');

beforeAll(async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'group-roles-'));
  const roleFile = path.join(folder, 'roles.json');
  writeFileSync(
    roleFile,
    JSON.stringify({
      roles: {
        viewer: { groups: [groups.viewers] },
        agent: { groups: [groups.agents] },
        approver: { groups: [groups.supervisors] },
        admin: { users: [users.alex.aadObjectId] },
      },
    }),
  );
  simulator = await startSimulator();
  bot = await startTestBot({
    sharedSimulator: simulator,
    env: {
      RBAC_CONFIG: roleFile,
      GRAPH_BASE_URL: simulator.url,
      GRAPH_TIMEOUT_MS: '1000',
      GROUP_MEMBERSHIP_CACHE_SECONDS: String(CACHE_SECONDS),
    },
    now: () => new Date(now),
  });
}, STARTUP_TIMEOUT_MS);
afterEach(() => simulator.faults.clear());
afterAll(async () => {
  await bot.close();
  await simulator.close();
});

let conversation = 0;
async function say(text: string, user: TestUser | typeof lynne): Promise<string> {
  const conversationId = `group-roles-${++conversation}`;
  const response = await bot.post(
    messageActivity(text, { serviceUrl: bot.connector.serviceUrl, conversationId, user: user as TestUser }),
  );
  expect(response.status).toBe(200);
  const [reply] = await bot.connector.waitFor(1, conversationId);
  if (!reply) throw new Error('no reply');
  return cardTexts(cardOf(reply)).join('\n');
}

const graphCalls = () => simulator.calls.count(CHECK_MEMBER_GROUPS_ROUTE);

describe('roles from Entra ID groups', () => {
  it('gives a member of a nested group the roles of the groups around it', async () => {
    const whoami = await say('whoami', lynne);
    expect(whoami).toMatch(/viewer/);
    expect(whoami).toMatch(/agent/);
    expect(whoami).not.toMatch(/approver/);
  });

  it('refuses a user in none of the groups with the no-role card', async () => {
    expect(await say('lookup contoso', users.patti)).toMatch(/You do not have a role yet/);
  });

  it('asks Graph once per user within the cache time, and again after it', async () => {
    await say('whoami', users.megan);
    const calls = graphCalls();
    expect(await say('help', users.megan)).toMatch(/lookup/);
    expect(graphCalls()).toBe(calls);
    now += (CACHE_SECONDS + 1) * 1000;
    await say('help', users.megan);
    expect(graphCalls()).toBe(calls + 1);
  });

  it('takes a membership change into account once the cached answer expires', async () => {
    expect(await say('whoami', users.isaiah)).toMatch(/viewer/);
    simulator.directory.removeMember(groups.viewers, users.isaiah.aadObjectId);
    try {
      expect(await say('whoami', users.isaiah)).toMatch(/viewer/);
      now += (CACHE_SECONDS + 1) * 1000;
      expect(await say('lookup contoso', users.isaiah)).toMatch(/You do not have a role yet/);
    } finally {
      simulator.directory.addMember(groups.viewers, users.isaiah.aadObjectId);
    }
  });

  it('fails closed when Graph is down: a clear refusal, and only roles given directly still count', async () => {
    now += (CACHE_SECONDS + 1) * 1000;
    simulator.faults.add({ route: CHECK_MEMBER_GROUPS_ROUTE, status: 503 });
    const refused = await say('lookup contoso', users.megan);
    expect(refused).toMatch(/Your groups could not be checked/);
    expect(refused).not.toMatch(/Contoso190/);
    const [audit] = await bot.store.audit.query({
      actorId: users.megan.aadObjectId,
      action: 'authorize:lookup',
    });
    expect(audit).toMatchObject({
      outcome: 'denied',
      details: expect.objectContaining({ reason: 'GROUPS_UNAVAILABLE' }),
    });

    const compose = await bot.post(
      composeQueryActivity('contoso', { serviceUrl: bot.connector.serviceUrl, user: users.megan }),
    );
    expect(compose.body).toEqual({
      composeExtension: { type: 'message', text: expect.stringMatching(/groups could not be checked/) },
    });

    expect(await say('whoami', users.alex)).toMatch(/admin/);
  });

  it('recovers as soon as Graph answers again (failures are not cached)', async () => {
    simulator.faults.add({ route: CHECK_MEMBER_GROUPS_ROUTE, status: 503, times: 1 });
    expect(await say('whoami', lynne)).toMatch(/could not be checked/);
    expect(await say('whoami', lynne)).toMatch(/agent/);
  });
});
