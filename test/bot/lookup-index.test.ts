import { cardActionActivity, messageActivity, users } from '../support/activities';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../support/test-bot';

/** Starting the bot (embedded database, simulator) can be slow on a busy 2-core machine. */
const STARTUP_TIMEOUT_MS = 90_000;

/**
 * `lookup` once the customer index is loaded: typos and any word order, ranked, paged from the index;
 * tenant ids still exact through Partner Center.
 */

const WOLFRAM_AND_HART = '9f8a5686-b4e4-455a-acd6-4c3f9b1de284';
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ simulator: { extraCustomers: 400 } });
  bot.app.jobs.start();
  await waitUntil(() => bot.app.customerIndex.status().coverage === 'complete');
}, STARTUP_TIMEOUT_MS);
afterAll(async () => {
  await bot.app.jobs.stop();
  await bot.close();
});

let conversation = 0;
async function say(text: string) {
  const conversationId = `lookup-index-${++conversation}`;
  const response = await bot.post(
    messageActivity(text, { serviceUrl: bot.connector.serviceUrl, conversationId, user: users.isaiah }),
  );
  expect(response.status).toBe(200);
  const [reply] = await bot.connector.waitFor(1, conversationId);
  if (!reply) throw new Error('no reply');
  return { card: cardOf(reply), conversationId };
}

describe('lookup answered by the customer index', () => {
  it('is loaded in the background when the jobs start', () => {
    expect(bot.app.customerIndex.status().customers).toBeGreaterThan(400);
  });

  it('finds the Contoso customers despite a typo', async () => {
    const texts = cardTexts((await say('lookup contso')).card).join('\n');
    expect(texts).toMatch(/Customers matching “contso”/);
    expect(texts).toContain('Contoso190');
    expect(texts).toContain('contosocorpdemo.onmicrosoft.com');
  });

  it('opens the single match in any word order, with its full record from Partner Center', async () => {
    const texts = cardTexts((await say('lookup hart wolfram')).card).join('\n');
    expect(texts).toContain('Wolfram & Hart');
    expect(texts).toContain(WOLFRAM_AND_HART);
    expect(texts).toMatch(/Delegated admin access/);
  });

  it('finds Dakota mall by one word of its name', async () => {
    expect(cardTexts((await say('lookup dakota')).card).join('\n')).toContain('Dakota mall');
  });

  it('pages a broad query through the index with "Show more", carrying only a search id', async () => {
    const { card, conversationId } = await say('lookup co');
    const more = cardActions(card).find((action) => action.verb === 'lookup.more');
    expect(more?.data).toEqual({ searchId: expect.any(String) });
    const calls = bot.simulator.calls.count();
    const response = await bot.post(
      cardActionActivity('lookup.more', more?.data ?? {}, {
        serviceUrl: bot.connector.serviceUrl,
        conversationId,
        user: users.isaiah,
      }),
    );
    const second = (response.body as { value: unknown }).value;
    const ids = (texts: string[]) => texts.filter((text) => /^[0-9a-f-]{36}$/.test(text));
    expect(ids(cardTexts(second)).length).toBeGreaterThan(0);
    expect(ids(cardTexts(second)).filter((id) => ids(cardTexts(card)).includes(id))).toEqual([]);
    expect(bot.simulator.calls.count()).toBe(calls);
  });

  it('explains a query that nothing comes close to', async () => {
    const texts = cardTexts((await say('lookup Nobody Such Company')).card).join('\n');
    expect(texts).toMatch(/compared with every customer's company name and domain/);
  });

  it('keeps tenant-id lookups exact', async () => {
    expect(cardTexts((await say(`lookup ${WOLFRAM_AND_HART}`)).card).join('\n')).toContain('Wolfram & Hart');
    const unknown = cardTexts((await say('lookup 00000000-0000-4000-8000-00000000beef')).card).join('\n');
    expect(unknown).toMatch(/read as a customer tenant id/);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
