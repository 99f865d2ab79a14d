import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createIdentityTokens, type IdentityTokens } from '../../src/api/identity-tokens';
import { GraphTokenProvider } from '../../src/graph/graph-token-provider';
import { silentLogger } from '../../src/log';
import {
  entraRoles,
  type RunningSimulator,
  simulatorNetworkClient,
  startSimulator,
} from '../../src/simulator';
import { unsignedJwt } from '../api/support/fake-token-endpoint';
import { cardActionActivity, messageActivity, type TestUser, users } from '../support/activities';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../support/test-bot';
import { startTokenService, type TokenService } from '../support/token-service';

/**
 * Identity mode `agent` end to end: the real bot over HTTP, Teams SSO through a local Bot Framework token
 * service, the on-behalf-of exchange through MSAL against the simulated identity platform, and the
 * simulator in `claims` mode (so it checks every token, refuses App+User tokens without MFA, and records
 * whose token each call carried). The bot runs in dev mode, where botbuilder cannot ask the token service
 * for a sign-in link (it needs the bot's app id): the OAuth card's link and token exchange resource are
 * tested in sign-in.test.ts.
 */

const BOT_APP = '0e3c1d24-1111-4222-8333-444455556666';
const PARTNER_TENANT = '11111111-2222-3333-4444-555555555555';
const CONNECTION = 'partner-center-sso';
const DT_DEMO = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
const DT_DOMAIN = 'dtdemocspcustomer005.onmicrosoft.com';
const DAKOTA = 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f';
/** A user without an admin role (a reset needs no approval). */
const ALEX_WILBER = '94a1f736-6795-4519-adf4-c10a9eb2d533';
const ACME = '81a570b1-db47-4da6-9abd-a31abacd60b8';
const HUMONGOUS = '8826a443-cc53-4256-a4bf-93fb573bb931';

let simulator: RunningSimulator;
let tokenService: TokenService;
let identity: IdentityTokens;
let graphTokens: GraphTokenProvider;
let bot: TestBot;

/** The token Teams gives the bot for an agent (audience: the bot's API), which the bot exchanges on-behalf-of. */
function teamsToken(user: TestUser): string {
  return unsignedJwt({
    aud: `api://botid-${BOT_APP}`,
    tid: PARTNER_TENANT,
    oid: user.aadObjectId,
    name: user.name,
    scp: 'access_as_user',
    exp: Math.floor(Date.now() / 1000) + 3600,
  });
}

function roleFile(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'agent-roles-'));
  const file = path.join(directory, 'roles.json');
  const everyone = [users.alex, users.megan, users.adele, users.isaiah].map((user) => user.aadObjectId);
  writeFileSync(
    file,
    JSON.stringify({
      roles: {
        viewer: { users: everyone },
        agent: [
          { users: [users.megan.aadObjectId, users.isaiah.aadObjectId] },
          // Adele resets passwords for Dakota mall only.
          { users: [users.adele.aadObjectId], customers: [DAKOTA] },
        ],
        admin: { users: [users.alex.aadObjectId] },
      },
    }),
  );
  return file;
}

beforeAll(async () => {
  simulator = await startSimulator({ auth: 'claims' });
  tokenService = await startTokenService(`api://botid-${BOT_APP}`);
  const networkClient = simulatorNetworkClient(simulator.url);
  identity = createIdentityTokens(
    'agent',
    { clientId: BOT_APP, tenantId: PARTNER_TENANT, clientSecret: 'bot-client-secret' },
    simulator.url,
    { networkClient },
  );
  graphTokens = new GraphTokenProvider({
    clientId: BOT_APP,
    clientSecret: 'bot-client-secret',
    tenantId: PARTNER_TENANT,
    networkClient,
    logger: silentLogger(),
  });
  bot = await startTestBot({
    sharedSimulator: simulator,
    identity,
    gdapPreflight: graphTokens,
    env: {
      IDENTITY_MODE: 'agent',
      OAUTH_CONNECTION_NAME: CONNECTION,
      BOT_OAUTH_URL: tokenService.url,
      PARTNER_CENTER_CLIENT_ID: BOT_APP,
      PARTNER_CENTER_TENANT_ID: PARTNER_TENANT,
      PARTNER_CENTER_CLIENT_SECRET: 'bot-client-secret',
      RBAC_CONFIG: roleFile(),
    },
  });
});

afterAll(async () => {
  await bot.close();
  await tokenService.close();
  await simulator.close();
});

let conversation = 0;
function nextConversation(): string {
  conversation += 1;
  return `agent-identity-${conversation}`;
}

async function say(text: string, user: TestUser, conversationId = nextConversation(), replies = 1) {
  const before = bot.connector.activities.filter(
    (activity) => activity.conversationId === conversationId,
  ).length;
  const response = await bot.post(
    messageActivity(text, { serviceUrl: bot.connector.serviceUrl, conversationId, user }),
  );
  expect(response.status).toBe(200);
  const all = await bot.connector.waitFor(before + replies, conversationId);
  return { conversationId, replies: all.slice(before) };
}

async function invoke(activity: object) {
  const response = await bot.post(activity);
  return response.body as { statusCode?: number; type?: string; value?: Record<string, unknown> } & Record<
    string,
    unknown
  >;
}

function signInInvoke(user: TestUser, conversationId: string, name: string, value: Record<string, unknown>) {
  return {
    ...messageActivity('', { serviceUrl: bot.connector.serviceUrl, conversationId, user }),
    type: 'invoke',
    name,
    value,
  };
}

function click(
  verb: string,
  data: Record<string, unknown>,
  user: TestUser,
  conversationId: string,
  extra: Record<string, unknown> = {},
) {
  const activity = cardActionActivity(verb, data, {
    serviceUrl: bot.connector.serviceUrl,
    conversationId,
    user,
    conversationType: 'groupChat',
  });
  return invoke({ ...activity, value: { ...activity.value, ...extra } });
}

const userRoutes = (routes: Record<string, number>) =>
  Object.keys(routes).filter((route) => route.includes('/users'));

describe('acting as the agent who asked', () => {
  it('asks an agent who has not signed in to sign in, keeps the command, and runs it after Teams SSO', async () => {
    const { conversationId, replies } = await say(`users ${DT_DOMAIN}`, users.megan);
    const [prompt] = replies;
    expect(prompt?.body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.oauth');
    expect(prompt?.body.attachments?.[0]?.content).toMatchObject({
      connectionName: CONNECTION,
      buttons: [{ type: 'signin', title: 'Sign in' }],
    });
    expect(simulator.calls.count('GET /v1/customers/{customer-tenant-id}/users')).toBe(0);

    const exchanged = await bot.post(
      signInInvoke(users.megan, conversationId, 'signin/tokenExchange', {
        id: 'exchange-1',
        connectionName: CONNECTION,
        token: teamsToken(users.megan),
      }),
    );
    expect(exchanged.status).toBe(200);
    const [, list] = await bot.connector.waitFor(2, conversationId);
    expect(cardTexts(cardOf(list as never)).join('\n')).toMatch(/DT Demo CSP Customer 005/);

    const bySubject = simulator.calls.bySubject();
    expect(userRoutes(bySubject[users.megan.aadObjectId] ?? {})).toContain(
      'GET /v1/customers/{customer-tenant-id}/users',
    );
    expect(simulator.identity.tokenRequests()).toContainEqual({
      grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      clientId: BOT_APP,
      subject: users.megan.aadObjectId,
    });
    const audit = await bot.store.audit.query({ actorId: users.megan.aadObjectId });
    expect(audit.map((row) => [row.action, row.outcome])).toEqual(
      expect.arrayContaining([
        ['users', 'failed'],
        ['users', 'succeeded'],
      ]),
    );
  });

  it('answers a card button of an agent who has not signed in with a login request, and runs it when Teams sends it again with the SSO token', async () => {
    const conversationId = nextConversation();
    const first = await click('customer.users', { customerId: DT_DEMO }, users.alex, conversationId);
    expect(first).toMatchObject({
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
      value: { connectionName: CONNECTION, buttons: [{ type: 'signin', title: 'Sign in' }] },
    });

    const again = await click('customer.users', { customerId: DT_DEMO }, users.alex, conversationId, {
      authentication: { id: 'exchange-2', connectionName: CONNECTION, token: teamsToken(users.alex) },
    });
    expect(again.statusCode).toBe(200);
    const [list] = await bot.connector.waitFor(1, conversationId);
    expect(cardTexts(cardOf(list as never)).join('\n')).toMatch(/DT Demo CSP Customer 005/);
    expect(userRoutes(simulator.calls.bySubject()[users.alex.aadObjectId] ?? {}).length).toBeGreaterThan(0);
  });

  it('answers 412 when the SSO token sent with the button cannot be exchanged', async () => {
    const refused = teamsToken(users.isaiah).replace(/\.$/, 'x.');
    tokenService.refuseExchangeOf(refused);
    const answer = await click('customer.users', { customerId: DT_DEMO }, users.isaiah, nextConversation(), {
      authentication: { id: 'exchange-3', connectionName: CONNECTION, token: refused },
    });
    expect(answer).toMatchObject({
      statusCode: 412,
      type: 'application/vnd.microsoft.error.preconditionFailed',
    });
  });

  it('refuses App+User operations for an agent whose sign-in did not use MFA, saying so', async () => {
    tokenService.signIn(users.isaiah.id, CONNECTION, teamsToken(users.isaiah));
    const { replies } = await say(`users ${DT_DOMAIN}`, users.isaiah);
    expect(cardTexts(cardOf(replies[0] as never)).join('\n')).toMatch(/requires multifactor authentication/);
    expect(userRoutes(simulator.calls.bySubject()[users.isaiah.aadObjectId] ?? {})).toEqual([]);
  });

  it('answers a missing GDAP role with the precise card, not a generic error', async () => {
    tokenService.signIn(users.megan.id, CONNECTION, teamsToken(users.megan));
    const { replies } = await say('users humongousinsurance.onmicrosoft.com', users.megan);
    const texts = cardTexts(cardOf(replies[0] as never)).join('\n');
    expect(texts).toContain('Partner Center needs a GDAP role on Humongous Insurance');
    expect(texts).toContain('Directory Readers, Global Reader, User Administrator');
    expect(texts).toContain(HUMONGOUS);
    expect(texts).toMatch(/None \(no active GDAP relationship grants a role\)/);
    expect(texts).toMatch(/Admin relationships/);
  });

  it('names the role a password reset needs when the customer grants only Directory Readers', async () => {
    tokenService.signIn(users.megan.id, CONNECTION, teamsToken(users.megan));
    simulator.gdap.setRoles(DAKOTA, [entraRoles.directoryReaders.id]);
    try {
      const conversationId = nextConversation();
      const started = await click(
        'user.resetPassword',
        { customerId: DAKOTA, userId: ALEX_WILBER },
        users.megan,
        conversationId,
      );
      expect(started.statusCode).toBe(200);
      const [confirmation] = await bot.connector.waitFor(1, conversationId);
      const confirm = cardActions(cardOf(confirmation as never)).find(
        (action) => action.verb === 'user.confirmReset',
      );
      const answer = await click('user.confirmReset', confirm?.data ?? {}, users.megan, conversationId);
      const texts = cardTexts(answer).join('\n');
      expect(texts).toMatch(/User Administrator, Privileged Authentication Administrator/);
      expect(texts).toMatch(/Directory Readers/);
      expect(
        simulator.calls.count('PATCH /v1/customers/{customer-tenant-id}/users/{user-id}/resetpassword'),
      ).toBe(0);
    } finally {
      simulator.gdap.setRoles(DAKOTA, [
        entraRoles.userAdministrator.id,
        entraRoles.privilegedAuthenticationAdministrator.id,
      ]);
    }
  });
});

describe('customer-scoped roles', () => {
  it('let an agent scoped to one customer reset there, and refuse and audit any other customer', async () => {
    tokenService.signIn(users.adele.id, CONNECTION, teamsToken(users.adele));
    const conversationId = nextConversation();
    const refused = await click(
      'user.resetPassword',
      { customerId: ACME, userId: ALEX_WILBER },
      users.adele,
      conversationId,
    );
    expect(cardTexts(refused).join('\n')).toMatch(/does not cover this customer/);
    const denied = await bot.store.audit.query({ actorId: users.adele.aadObjectId, customerId: ACME });
    expect(denied.map((row) => [row.action, row.outcome])).toEqual(
      expect.arrayContaining([
        ['authorize:user.resetPassword', 'denied'],
        ['user.resetPassword', 'failed'],
      ]),
    );
    expect(
      simulator.calls.bySubject()[users.adele.aadObjectId]?.['GET /v1/customers/{customer-tenant-id}'],
    ).toBeUndefined();

    const allowed = await click(
      'user.resetPassword',
      { customerId: DAKOTA, userId: ALEX_WILBER },
      users.adele,
      conversationId,
    );
    expect(allowed.statusCode).toBe(200);
    const confirmation = (await bot.connector.waitFor(1, conversationId)).at(-1);
    expect(cardActions(cardOf(confirmation as never)).map((action) => action.verb)).toContain(
      'user.confirmReset',
    );
  });
});

describe('identity health', () => {
  it('shows admins the identity mode, token health and their own MFA state with doctor', async () => {
    tokenService.signIn(users.alex.id, CONNECTION, teamsToken(users.alex));
    await say(`users ${DT_DOMAIN}`, users.alex);
    const { replies } = await say('doctor', users.alex);
    const texts = cardTexts(cardOf(replies[0] as never)).join('\n');
    expect(texts).toMatch(/agent: each agent signs in/);
    expect(texts).toContain(CONNECTION);
    expect(texts).toMatch(/Signed in as alex@contoso.onmicrosoft.com, with MFA/);
    expect(texts).toMatch(/On: roles are checked before user operations/);
    const refused = await say('doctor', users.megan);
    expect(cardTexts(cardOf(refused.replies[0] as never)).join('\n')).toMatch(/role does not allow/);
  });

  it('reports the identity in /readyz', async () => {
    const ready = await fetch(`${bot.url}/readyz`);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { identity: 'ok' },
      identity: { mode: 'agent', appOnly: 'ok', serviceAccount: 'not-used' },
    });
  });

  it('signs an agent out, so the next user operation asks again', async () => {
    tokenService.signIn(users.megan.id, CONNECTION, teamsToken(users.megan));
    await say('signout', users.megan);
    expect(tokenService.isSignedIn(users.megan.id, CONNECTION)).toBe(false);
    const { replies } = await say(`users ${DT_DOMAIN}`, users.megan);
    expect(replies[0]?.body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.oauth');
  });
});

describe('whose token Partner Center saw', () => {
  it('carried the asking agent’s own token on every user call, never the app’s', () => {
    const bySubject = simulator.calls.bySubject();
    const agents: string[] = [users.megan, users.alex, users.adele].map((user) => user.aadObjectId);
    for (const [subject, routes] of Object.entries(bySubject)) {
      if (!agents.includes(subject)) expect([subject, userRoutes(routes)]).toEqual([subject, []]);
    }
    for (const agent of agents) expect(Object.keys(bySubject)).toContain(agent);
  });
});
