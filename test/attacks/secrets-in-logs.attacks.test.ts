import { MsalTokenProvider } from '../../src/api/msal-token-provider';
import { generatedCustomer } from '../../src/simulator/data/generator';
import { fakeTokenEndpoint, issueToken } from '../api/support/fake-token-endpoint';
import { cardActionActivity, messageActivity, type TestUser, users } from '../support/activities';
import { cardActions, cardOf } from '../support/test-bot';
import { APP_ID, APP_PASSWORD, type ProductionBot, SERVICE_URL, startProductionBot } from './production-bot';

/**
 * Every log line the bot writes while it runs every command it has, resets a password, meets Partner Center
 * failures and refuses forged requests — in production mode, with an app password, a Partner Center client
 * secret and refresh token, MSAL access tokens and channel JWTs all in play — and what botbuilder prints to the
 * console: none of them may contain a password, a token or a client secret.
 */

const CLIENT_SECRET = 'Log-Test-Client-Secret-5b1e77';
const REFRESH_TOKEN = 'Log-Test-Refresh-Token-0c4d2a';
const dakotaUser = 'alex.wilber@dakotamall.onmicrosoft.com';
const JWT = /eyJ[\w-]{5,}\.eyJ[\w-]{5,}/;
const SECRET_FIELDS =
  /"(password|passwordProfile|token|accessToken|access_token|refreshToken|refresh_token|clientSecret|client_secret|authorization)":"(?!\[redacted\])/i;

let bot: ProductionBot;
const issuedTokens: string[] = [];
const inboundTokens: string[] = [];
const passwords: string[] = [];
const consoleLines: string[] = [];
let spies: jest.SpyInstance[] = [];

beforeAll(async () => {
  const endpoint = fakeTokenEndpoint();
  endpoint.answerWith((form) => {
    const reply = issueToken(form);
    issuedTokens.push(String(reply.body.access_token));
    return reply;
  });
  const tokens = new MsalTokenProvider({
    clientId: '0e3c1d24-1111-4222-8333-444455556666',
    tenantId: '11111111-2222-3333-4444-555555555555',
    credential: { clientSecret: CLIENT_SECRET },
    refreshToken: REFRESH_TOKEN,
    networkClient: endpoint,
  });
  spies = (['error', 'warn', 'log', 'info'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((arg) => (arg instanceof Error ? `${arg.stack}` : String(arg))).join(' '));
    }),
  );
  bot = await startProductionBot({ simulator: { auth: 'claims', extraCustomers: 5 }, tokens });
});
afterAll(async () => {
  await bot.close();
  for (const spy of spies) spy.mockRestore();
});

let conversations = 0;
function token(): string {
  const minted = bot.identity.token(APP_ID, SERVICE_URL);
  inboundTokens.push(minted);
  return `Bearer ${minted}`;
}

async function say(text: string, user: TestUser = users.alex) {
  const activity = {
    ...messageActivity(text, { serviceUrl: SERVICE_URL, user, conversationId: `logs-${++conversations}` }),
    deliveryMode: 'expectReplies',
  };
  const response = await bot.post(activity, token());
  const replies = ((response.body as { activities?: unknown[] } | undefined)?.activities ?? []) as never[];
  return { response, cards: replies.flatMap((reply) => (hasCard(reply) ? [cardOf({ body: reply })] : [])) };
}

function hasCard(reply: { attachments?: { contentType: string }[] }): boolean {
  return reply.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive';
}

async function click(verb: string, data: Record<string, unknown>, user: TestUser = users.alex) {
  const response = await bot.post(
    cardActionActivity(verb, data, {
      serviceUrl: SERVICE_URL,
      user,
      conversationId: `logs-${++conversations}`,
    }),
    token(),
  );
  return response.body as { type: string; value: unknown };
}

/** The temporary password on the requester's result card: the large monospace text. */
function passwordOn(card: unknown): string | undefined {
  const runs: { text?: string; fontType?: string; size?: string }[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextRun') runs.push(record as never);
    for (const value of Object.values(record)) visit(value);
  };
  visit(card);
  return runs.find((run) => run.fontType === 'Monospace' && run.size === 'Large')?.text;
}

describe('the logs of a whole working session', () => {
  beforeAll(async () => {
    // Every command the bot has, bare and with an argument.
    for (const command of bot.app.router.commands) {
      await say(command.name);
      await say(`${command.name} contoso`);
    }
    await say('lookup acme');
    await say(`users ${'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f'}`, users.megan);

    // A password reset, end to end, twice.
    for (let round = 0; round < 2; round++) {
      const asked = await say(`reset password ${dakotaUser}`, users.megan);
      const confirm = asked.cards
        .flatMap((card) => cardActions(card))
        .find((a) => a.verb === 'user.confirmReset');
      const answer = await click('user.confirmReset', { ...confirm?.data, forceChange: 'true' }, users.megan);
      const password = passwordOn(answer.value);
      if (password) passwords.push(password);
    }

    // Partner Center failing, throttling and stalling.
    const customerRoute = 'GET /v1/customers/{customer-tenant-id}';
    for (const [index, fault] of [
      { status: 401, times: 1 },
      { status: 500, times: 3 },
      { status: 429, retryAfterSeconds: 0, times: 2 },
    ].entries()) {
      bot.simulator.faults.add({ route: customerRoute, ...fault });
      await say(`lookup ${generatedCustomer(index).profile.id}`);
    }
    bot.simulator.faults.clear();

    // Forged requests.
    const activity = messageActivity('lookup acme', { serviceUrl: SERVICE_URL, user: users.alex });
    const stolen = bot.identity.token('0c6f3a2e-5b7d-4c1e-8f9a-1b2c3d4e5f60', SERVICE_URL);
    inboundTokens.push(stolen);
    await bot.post(activity, `Bearer ${stolen}`);
    const forged = bot.identity.token(APP_ID, SERVICE_URL, { foreignKey: true });
    inboundTokens.push(forged);
    await bot.post(activity, `Bearer ${forged}`);
    await bot.post(activity, `Basic ${Buffer.from(`${APP_ID}:${APP_PASSWORD}`).toString('base64')}`);
  }, 120_000);

  const everything = () => [...bot.logs.map((line) => JSON.stringify(line)), ...consoleLines];

  it('actually exercised secrets: tokens were issued and used, passwords generated, lines written', () => {
    expect(issuedTokens.length).toBeGreaterThan(0);
    expect(inboundTokens.length).toBeGreaterThan(10);
    expect(passwords).toHaveLength(2);
    const partnerCenterFailures = bot.logs.filter(
      (line) => line.msg === 'partner center call' && line.level === 'warn',
    );
    expect(partnerCenterFailures.map((line) => line.status)).toEqual(expect.arrayContaining([401, 500, 429]));
    expect(bot.logs.some((line) => line.msg === 'action failed')).toBe(true);
    expect(consoleLines.length).toBeGreaterThanOrEqual(3);
  });

  it('contains no configured secret: app password, client secret, refresh token', () => {
    for (const line of everything()) {
      for (const secret of [APP_PASSWORD, CLIENT_SECRET, REFRESH_TOKEN]) expect(line).not.toContain(secret);
    }
  });

  it('contains no token, issued to the bot or sent to it, and nothing shaped like a JWT', () => {
    for (const line of everything()) {
      expect(line).not.toMatch(JWT);
      for (const secret of [...issuedTokens, ...inboundTokens]) expect(line).not.toContain(secret);
      expect(line).not.toMatch(/Bearer\s+[\w-]{8,}/);
    }
  });

  it('contains no generated password, and no secret-named field with a value', () => {
    for (const line of everything()) {
      for (const password of passwords) expect(line).not.toContain(password);
      expect(line).not.toMatch(SECRET_FIELDS);
    }
  });
});
