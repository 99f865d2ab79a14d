import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningBot, startBot } from '../../src/bot-main';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import { type RunningPlayground, startPlayground } from './playground-process';

/**
 * What `npm start` runs, on ephemeral ports and an in-memory store: the Partner Center simulator,
 * the bot in dev mode (no app id, loopback), and the Playground with the repository's config file.
 */

export const PLAYGROUND_CONFIG = path.resolve(__dirname, '../../playground/m365agentsplayground.yml');

export interface Stack {
  simulator: RunningSimulator;
  bot: RunningBot;
  playground: RunningPlayground;
  /** A scratch directory for this run (Playground log, failure screenshots). Removed by close() unless kept. */
  workDir: string;
  /** The bot's warnings and errors so far, one JSON line each, for failure messages. */
  botProblems(): string;
  close(options?: { keepWorkDir?: boolean }): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'helpdesk-e2e-'));
  const botLines: string[] = [];
  const logger = createLogger(
    { level: 'info', name: 'e2e-bot' },
    { write: (line: string) => botLines.push(line.trimEnd()) },
  );
  const botProblems = () =>
    botLines.filter((line) => /"level":"(warn|error|fatal)"/.test(line)).join('\n') ||
    '(the bot logged no warnings or errors)';

  let simulator: RunningSimulator | undefined;
  let bot: RunningBot | undefined;
  try {
    simulator = await startSimulator({ logger });
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      PARTNER_CENTER_BASE_URL: simulator.url,
      PARTNER_CENTER_TIMEOUT_MS: '5000',
      DATA_DIR: ':memory:',
      LOG_LEVEL: 'info',
    });
    bot = await startBot(config, logger);
    const playground = await startPlayground({
      appEndpoint: `${bot.url}/api/messages`,
      configPath: PLAYGROUND_CONFIG,
      logFile: path.join(workDir, 'm365agentsplayground.log'),
    });
    const running = { simulator, bot, playground };
    return {
      ...running,
      workDir,
      botProblems,
      async close(options = {}) {
        await running.playground.stop();
        await running.bot.stop();
        await running.simulator.close();
        if (!options.keepWorkDir) rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await bot?.stop();
    await simulator?.close();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}
