import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type TestUser, users } from '../support/activities';
import { composeQueryActivity } from '../support/teams-activities';
import { cardActions, cardTexts, startTestBot, type TestBot } from '../support/test-bot';

/** Starting the bot (embedded database, simulator) can be slow on a busy 2-core machine. */
const STARTUP_TIMEOUT_MS = 90_000;

/**
 * The compose-box customer search over real HTTP: `composeExtension/query` invokes posted to
 * /api/messages, answered in the invoke response; Partner Center served by the simulator.
 */

const WOLFRAM_AND_HART = '9f8a5686-b4e4-455a-acd6-4c3f9b1de284';
const SEARCH = 'GET /v1/customers';
/** Teams gives a message-extension query 5 seconds. */
const TEAMS_INVOKE_LIMIT_MS = 5000;

interface ComposeAttachment {
  contentType: string;
  content: Record<string, unknown>;
  preview: { contentType: string; content: { title: string; subtitle?: string; text?: string } };
}
interface ComposeResponse {
  composeExtension: {
    type: string;
    text?: string;
    attachmentLayout?: string;
    attachments?: ComposeAttachment[];
  };
}

async function query(
  bot: TestBot,
  searchQuery: string,
  user: TestUser = users.isaiah,
  extra: { commandId?: string; initialRun?: boolean } = {},
) {
  const started = Date.now();
  const response = await bot.post(
    composeQueryActivity(searchQuery, { serviceUrl: bot.connector.serviceUrl, user, ...extra }),
  );
  expect(response.status).toBe(200);
  return { answer: (response.body as ComposeResponse).composeExtension, ms: Date.now() - started };
}

describe('the customer search message extension, index loaded', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ simulator: { extraCustomers: 400 } });
    await bot.app.customerIndex.refresh();
  }, STARTUP_TIMEOUT_MS);
  afterAll(async () => {
    await bot.close();
  });

  it('lists matching customers at once, typos allowed, without calling Partner Center', async () => {
    const calls = bot.simulator.calls.count();
    const { answer } = await query(bot, 'contso');
    expect(answer).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const titles = answer.attachments?.map((attachment) => attachment.preview.content.title);
    expect(titles).toEqual(expect.arrayContaining(['Contoso190', 'Contoso']));
    expect(titles?.every((title) => title.startsWith('Contoso'))).toBe(true);
    expect(bot.simulator.calls.count()).toBe(calls);
  });

  it('previews each customer and inserts its customer card, whose buttons carry only the customer id', async () => {
    const { answer } = await query(bot, 'hart wolfram');
    const [attachment] = answer.attachments ?? [];
    expect(answer.attachments).toHaveLength(1);
    expect(attachment?.preview).toEqual({
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: {
        title: 'Wolfram & Hart',
        subtitle: 'wolframandhart2001.onmicrosoft.com',
        text: `Tenant id ${WOLFRAM_AND_HART}`,
      },
    });
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardTexts(attachment?.content)).toEqual(
      expect.arrayContaining(['Wolfram & Hart', WOLFRAM_AND_HART]),
    );
    const refresh = cardActions(attachment?.content).find((action) => action.verb === 'customer.refresh');
    expect(refresh?.data).toEqual({ customerId: WOLFRAM_AND_HART });
  });

  it('finds a customer by its exact tenant id, in any case', async () => {
    const { answer } = await query(bot, WOLFRAM_AND_HART.toUpperCase());
    expect(answer.attachments?.map((attachment) => attachment.preview.content.title)).toEqual([
      'Wolfram & Hart',
    ]);
  });

  it('asks what to look for on an empty query and on the initial run, with no results', async () => {
    for (const extra of [{}, { initialRun: true }]) {
      const { answer } = await query(bot, '', users.isaiah, extra);
      expect(answer).toEqual({
        type: 'message',
        text: 'Type a company name, domain or tenant id to find a customer.',
      });
    }
    expect((await query(bot, 'x')).answer.text).toMatch(/at least 2 characters/);
  });

  it('says when nothing matches', async () => {
    const { answer } = await query(bot, 'Nobody Such Company');
    expect(answer).toEqual({
      type: 'message',
      text: expect.stringMatching(/No customer matches “Nobody Such Company”/),
    });
  });

  it('gives a user without a role no results and a hint, and audits the refusal', async () => {
    const { answer } = await query(bot, 'contoso', users.patti);
    expect(answer.type).toBe('message');
    expect(answer.attachments).toBeUndefined();
    expect(answer.text).toMatch(/You need a helpdesk role/);
    const refused = await bot.store.audit.query({
      actorId: users.patti.aadObjectId,
      action: 'authorize:compose.searchCustomers',
    });
    expect(refused[0]).toMatchObject({
      outcome: 'denied',
      details: expect.objectContaining({ reason: 'AUTHZ_NO_ROLE' }),
    });
  });

  it('audits every search with what was found', async () => {
    await query(bot, 'dakota', users.megan);
    const [entry] = await bot.store.audit.query({
      actorId: users.megan.aadObjectId,
      action: 'compose.searchCustomers',
    });
    expect(entry).toMatchObject({
      outcome: 'succeeded',
      details: { query: 'dakota', found: 1, complete: true },
    });
  });

  it('answers an unknown command with a hint instead of failing', async () => {
    const { answer } = await query(bot, 'contoso', users.isaiah, { commandId: 'somethingElse' });
    expect(answer.type).toBe('message');
  });
});

describe('the customer search message extension, index cold', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({
      simulator: { extraCustomers: 1200 },
      env: { MESSAGE_EXTENSION_WAIT_MS: '400' },
    });
  }, STARTUP_TIMEOUT_MS);
  afterEach(() => bot.simulator.faults.clear());
  afterAll(async () => {
    await bot.close();
  });

  it('falls back to Partner Center’s starts_with search', async () => {
    const { answer } = await query(bot, 'Contoso');
    expect(answer.attachments?.map((attachment) => attachment.preview.content.title).sort()).toEqual([
      'Contoso',
      'Contoso',
      'Contoso190',
    ]);
  });

  it('answers in time when Partner Center is slow, saying it is still searching; the next try has the results', async () => {
    bot.simulator.faults.add({ route: SEARCH, latencyMs: 1200, times: 1 });
    const slow = await query(bot, 'Wolfram');
    expect(slow.ms).toBeLessThan(TEAMS_INVOKE_LIMIT_MS);
    expect(slow.answer).toEqual({
      type: 'message',
      text: 'Still searching Partner Center for “Wolfram”. Try again in a moment.',
    });

    await new Promise((resolve) => setTimeout(resolve, 1200));
    const calls = bot.simulator.calls.count(SEARCH);
    const again = await query(bot, 'Wolfram');
    expect(again.answer.attachments?.map((attachment) => attachment.preview.content.title)).toEqual([
      'Wolfram & Hart',
    ]);
    expect(bot.simulator.calls.count(SEARCH)).toBe(calls);
  });

  it('passes on a Partner Center failure as its catalog message with a reference', async () => {
    bot.simulator.faults.add({ route: SEARCH, status: 403, times: 1 });
    const { answer } = await query(bot, 'Fabrikam');
    expect(answer.type).toBe('message');
    expect(answer.text).toMatch(/Partner Center refused access.*Reference: [0-9a-f-]{36}/);
  });

  it('shows what the index has loaded so far, with a last row saying Partner Center is still searching', async () => {
    // Every page of the index and the live search take a second: the first page (500 customers, the
    // documented ones among them) makes the index partial, and the live search misses the deadline.
    bot.simulator.faults.add({ route: SEARCH, latencyMs: 1000 });
    const loading = bot.app.customerIndex.refresh();
    await waitUntil(() => bot.app.customerIndex.status().coverage === 'partial');
    const { answer } = await query(bot, 'dakota');
    const titles = answer.attachments?.map((attachment) => attachment.preview.content.title);
    expect(titles).toEqual(['Dakota mall', 'Still searching…']);
    await loading;
  });
});

describe('the customer search message extension, for a role limited to some customers', () => {
  let bot: TestBot;
  beforeAll(async () => {
    const roleFile = path.join(mkdtempSync(path.join(tmpdir(), 'compose-scope-')), 'roles.json');
    writeFileSync(
      roleFile,
      JSON.stringify({
        roles: { viewer: { users: [users.isaiah.aadObjectId], customers: [WOLFRAM_AND_HART] } },
      }),
    );
    bot = await startTestBot({ env: { RBAC_CONFIG: roleFile } });
    await bot.app.customerIndex.refresh();
  }, STARTUP_TIMEOUT_MS);
  afterAll(async () => {
    await bot.close();
  });

  it('shows only the customers the caller’s role covers', async () => {
    const titles = async (text: string) =>
      (await query(bot, text)).answer.attachments?.map((attachment) => attachment.preview.content.title);
    expect(await titles('wolfram')).toEqual(['Wolfram & Hart']);
    expect((await query(bot, 'contoso')).answer.text).toMatch(/No customer matches/);
    expect((await query(bot, 'c5757d70-06f3-4f23-8367-5a9e55019f94')).answer.type).toBe('message');
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
