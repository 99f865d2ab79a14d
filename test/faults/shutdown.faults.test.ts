import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import { generatedCustomer } from '../../src/simulator/data/generator';
import { cardActionActivity, messageActivity } from '../support/activities';
import { type Connector, startConnector } from '../support/connector';
import { cardOf, cardTexts } from '../support/test-bot';

/**
 * `npm run bot` receiving SIGTERM while a card action is still running after its quick acknowledgement (the
 * request is answered, the turn is not): the bot stops taking requests, finishes the turn and delivers its
 * result, then closes the store and exits 0. (test/bot-main.test.ts covers SIGTERM during a message turn.)
 */

const tsx = path.resolve('node_modules/.bin/tsx');
const customerRoute = 'GET /v1/customers/{customer-tenant-id}';

interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
}

function runBot(env: Record<string, string>): BotProcess {
  const child = spawn(tsx, ['src/bot-main.ts'], { env: { PATH: process.env.PATH ?? '', ...env } });
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const line of complete)
      if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  child.stderr.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

async function lineOf(
  bot: BotProcess,
  message: string,
  timeoutMs = 40_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = bot.lines.find((entry) => entry.msg === message);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no "${message}" log line`);
}

describe('SIGTERM while a card action finishes after its acknowledgement', () => {
  let simulator: RunningSimulator;
  let connector: Connector;
  let dataDir: string;

  beforeAll(async () => {
    simulator = await startSimulator({ extraCustomers: 3 });
    connector = await startConnector();
    dataDir = mkdtempSync(path.join(tmpdir(), 'helpdesk-shutdown-faults-'));
  });
  afterAll(async () => {
    await connector.close();
    await simulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers the result, refuses new requests, closes the store and exits 0', async () => {
    const bot = runBot({
      PORT: '0',
      PARTNER_CENTER_BASE_URL: simulator.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    });
    const url = (await lineOf(bot, 'bot: listening')).url as string;
    const customer = generatedCustomer(2).profile;
    simulator.faults.add({ route: customerRoute, latencyMs: 2500, times: 1 });

    const clicked = await request(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...cardActionActivity(
          'customer.refresh',
          { customerId: customer.id },
          { serviceUrl: connector.serviceUrl, conversationId: 'sigterm-card' },
        ),
        replyToId: 'customer-card',
      }),
    });
    const acknowledgement = (await clicked.body.json()) as { type: string };
    expect(acknowledgement.type).toBe('application/vnd.microsoft.activity.message');

    bot.child.kill('SIGTERM');
    await lineOf(bot, 'bot: stopping');
    const late = await request(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        messageActivity('help', { serviceUrl: connector.serviceUrl, conversationId: 'too-late' }),
      ),
    }).catch(() => undefined);
    if (late) {
      expect(late.statusCode).toBe(503);
      await late.body.text();
    }

    const [update] = await connector.waitFor(1, 'sigterm-card', 15_000);
    expect(update?.method).toBe('PUT');
    expect(cardTexts(cardOf(update as never)).join('\n')).toContain(customer.companyName);
    expect(await bot.exited).toBe(0);
    const order = bot.lines.map((line) => line.msg);
    expect(order).toEqual(expect.arrayContaining(['bot: stopping', 'bot: stopped']));
    expect(connector.activities.filter((activity) => activity.conversationId === 'too-late')).toEqual([]);
    expect(simulator.calls.count(customerRoute)).toBe(1);
  }, 90_000);
});
