import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningSimulator, startSimulator } from '../src/simulator';
import { messageActivity } from './support/activities';
import { type Connector, startConnector } from './support/connector';
import { cardOf, cardTexts } from './support/test-bot';

/**
 * `npm run bot` as a real process: start-up refusals, and SIGTERM during a turn
 * (stop accepting, finish the turn, close the store, exit 0).
 */

const tsx = path.resolve('node_modules/.bin/tsx');

interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  lines: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<number | null>;
}

function runBot(env: Record<string, string>): BotProcess {
  const child = spawn(tsx, ['src/bot-main.ts'], { env: { PATH: process.env.PATH ?? '', ...env } });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const line of complete)
      if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, stderr: () => stderr, exited };
}

async function waitForLine(
  bot: BotProcess,
  message: string,
  timeoutMs = 20_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = bot.lines.find((entry) => entry.msg === message);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no "${message}" log line; stderr: ${bot.stderr()}`);
}

describe('the bot process', () => {
  it('refuses to start without authentication on a non-loopback address, naming the problem', async () => {
    const bot = runBot({ HOST: '0.0.0.0', PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:9' });
    expect(await bot.exited).toBe(2);
    expect(bot.stderr()).toMatch(/HOST: 0\.0\.0\.0 is not a loopback address/);
  });

  it('prints every configuration problem at once and exits non-zero', async () => {
    const bot = runBot({
      PORT: 'x',
      MicrosoftAppId: 'nope',
      PARTNER_CENTER_BASE_URL: 'https://partner.example',
    });
    expect(await bot.exited).toBe(2);
    expect(bot.stderr()).toMatch(/PORT/);
    expect(bot.stderr()).toMatch(/MicrosoftAppId/);
  });

  describe('on SIGTERM during a turn', () => {
    let simulator: RunningSimulator;
    let connector: Connector;
    let dataDir: string;

    beforeAll(async () => {
      simulator = await startSimulator({ latencyMs: 1500 });
      connector = await startConnector();
      dataDir = mkdtempSync(path.join(tmpdir(), 'helpdesk-bot-main-'));
    });
    afterAll(async () => {
      await connector.close();
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('finishes the turn, closes the store and exits 0', async () => {
      const bot = runBot({
        PORT: '0',
        PARTNER_CENTER_BASE_URL: simulator.url,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
      });
      const listening = await waitForLine(bot, 'bot: listening', 40_000);
      const url = listening.url as string;

      const turn = fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          messageActivity('lookup acme', { serviceUrl: connector.serviceUrl, conversationId: 'sigterm' }),
        ),
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      bot.child.kill('SIGTERM');

      expect((await turn).status).toBe(200);
      const [reply] = await connector.waitFor(1, 'sigterm');
      expect(cardTexts(cardOf(reply as never)).join('\n')).toContain('ACME Corporation');
      expect(await bot.exited).toBe(0);
      expect(bot.lines.map((line) => line.msg)).toEqual(
        expect.arrayContaining(['bot: stopping', 'bot: stopped']),
      );
    }, 60_000);
  });
});
