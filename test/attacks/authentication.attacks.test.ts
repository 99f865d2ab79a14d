import { messageActivity, users } from '../support/activities';
import { cardOf, cardTexts } from '../support/test-bot';
import { EMULATOR_ISSUER } from './channel-identity';
import { APP_ID, type ProductionBot, SERVICE_URL, startProductionBot } from './production-bot';

/**
 * In production mode every activity must carry a JWT from the Bot Framework channel: signed by a key its
 * OpenID metadata publishes (and endorses for the channel), for this bot, for this serviceUrl, not expired.
 * Anything else is refused with 401 before a handler runs: no audit row, no Partner Center call, no reply.
 */

let bot: ProductionBot;
let consoleError: jest.SpyInstance;

beforeAll(async () => {
  bot = await startProductionBot();
  // botbuilder prints every refused request with console.error; the assertions below are what matters.
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  consoleError.mockRestore();
  await bot.close();
});

const lookup = (overrides: Record<string, unknown> = {}) => ({
  ...messageActivity('lookup acme', { serviceUrl: SERVICE_URL, user: users.alex, conversationId: 'attacks' }),
  deliveryMode: 'expectReplies',
  ...overrides,
});

async function auditRows(): Promise<number> {
  return (await bot.store.audit.query({ limit: 200 })).length;
}

const hour = 3600;
const now = () => Math.floor(Date.now() / 1000);

const refused: [string, () => string | null | undefined, Record<string, unknown>][] = [
  ['no Authorization header', () => null, {}],
  ['an empty bearer token', () => 'Bearer ', {}],
  ['a token that is not a JWT', () => 'Bearer not-a-jwt', {}],
  ['a Basic credential', () => `Basic ${Buffer.from(`${APP_ID}:guess`).toString('base64')}`, {}],
  [
    'a token expired an hour ago',
    () =>
      `Bearer ${bot.identity.token(APP_ID, SERVICE_URL, { claims: { exp: now() - hour, iat: now() - 2 * hour, nbf: now() - 2 * hour } })}`,
    {},
  ],
  [
    'a token not valid before an hour from now',
    () => `Bearer ${bot.identity.token(APP_ID, SERVICE_URL, { claims: { nbf: now() + hour } })}`,
    {},
  ],
  [
    'a token signed by another key',
    () => `Bearer ${bot.identity.token(APP_ID, SERVICE_URL, { foreignKey: true })}`,
    {},
  ],
  [
    'an unsigned token (alg none)',
    () => `Bearer ${bot.identity.token(APP_ID, SERVICE_URL, { algorithm: 'none' })}`,
    {},
  ],
  [
    'a token whose claims were changed after signing',
    () => {
      const [header, , signature] = bot.identity.token('a-different-bot', SERVICE_URL).split('.');
      const claims = Buffer.from(
        JSON.stringify({
          iss: 'https://api.botframework.com',
          aud: APP_ID,
          serviceurl: SERVICE_URL,
          exp: now() + 300,
        }),
      ).toString('base64url');
      return `Bearer ${header}.${claims}.${signature}`;
    },
    {},
  ],
  [
    'a token for another bot (wrong audience)',
    () => `Bearer ${bot.identity.token('0c6f3a2e-5b7d-4c1e-8f9a-1b2c3d4e5f60', SERVICE_URL)}`,
    {},
  ],
  [
    'a token from another issuer',
    () => `Bearer ${bot.identity.token(APP_ID, SERVICE_URL, { claims: { iss: 'https://evil.example' } })}`,
    {},
  ],
  [
    'a token for another serviceUrl',
    () => `Bearer ${bot.identity.token(APP_ID, 'https://evil.example/connector/')}`,
    {},
  ],
  [
    'a token claiming the emulator, signed with the channel’s key',
    () =>
      `Bearer ${bot.identity.token(APP_ID, SERVICE_URL, { claims: { iss: EMULATOR_ISSUER, appid: APP_ID, ver: '1.0' } })}`,
    {},
  ],
  [
    'a valid token on an activity from a channel its key is not endorsed for',
    () => undefined,
    { channelId: 'webchat' },
  ],
];

describe('an activity in production mode', () => {
  it.each(refused)(
    'with %s is refused with 401 before any handler runs',
    async (_case, authorization, overrides) => {
      const rowsBefore = await auditRows();
      const callsBefore = bot.simulator.calls.count();
      const logsBefore = bot.logs.length;
      const response = await bot.post(lookup(overrides), authorization());
      expect(response.status).toBe(401);
      expect(response.text).not.toMatch(/ACME|adaptive/i);
      expect(await auditRows()).toBe(rowsBefore);
      expect(bot.simulator.calls.count()).toBe(callsBefore);
      expect(bot.logs.slice(logsBefore).filter((line) => line.correlationId !== undefined)).toEqual([]);
    },
  );

  it('with a valid token from a tenant that is not allowed gets a refusal, and no handler runs', async () => {
    const callsBefore = bot.simulator.calls.count();
    const outsider = '0b9e7c55-1d2a-4f3b-8c4d-5e6f7a8b9c0d';
    const activity = lookup();
    const response = await bot.post({
      ...activity,
      conversation: { ...activity.conversation, tenantId: outsider },
      channelData: { tenant: { id: outsider } },
    });
    expect(response.status).toBe(200);
    const [reply] = (response.body as { activities: { body?: never }[] }).activities;
    expect(cardTexts(cardOf({ body: reply as never })).join('\n')).toContain(
      'This bot does not serve your organization',
    );
    expect(bot.simulator.calls.count()).toBe(callsBefore);
    const refusals = await bot.store.audit.query({ action: 'authorize:lookup', limit: 20 });
    expect(refusals[0]).toMatchObject({
      outcome: 'denied',
      details: { reason: 'TENANT_NOT_ALLOWED', tenantId: outsider },
    });
  });

  it('with a valid channel token is served (the control case)', async () => {
    const rowsBefore = await auditRows();
    const response = await bot.post(lookup());
    expect(response.status).toBe(200);
    const [reply] = (response.body as { activities: { body?: never }[] }).activities;
    expect(cardTexts(cardOf({ body: reply as never })).join('\n')).toContain('ACME Corporation');
    expect(await auditRows()).toBeGreaterThan(rowsBefore);
  });
});
