import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningBot, startBot } from '../../src/bot-main';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import { playgroundConfigAs } from './playground-config';
import { type RunningPlayground, startPlayground } from './playground-process';

/**
 * What `npm start` runs, on ephemeral ports and an in-memory store: the Partner Center simulator,
 * the bot in dev mode (no app id, loopback), and the Playground with the repository's config file.
 * More Playgrounds on the same bot act as the config's other users (`startPlaygroundAs`).
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
  /** Everything the bot logged so far, one JSON line each (to check that secrets stay out of it). */
  botLog(): string;
  /**
   * Another Playground on the same bot whose current user is `userName` (a user of the repository's config),
   * in a personal chat of its own. Stopped by close().
   */
  startPlaygroundAs(userName: string): Promise<RunningPlayground>;
  close(options?: { keepWorkDir?: boolean }): Promise<void>;
}

export interface StackOptions {
  /** The time zone every Playground of the stack runs in, and so sends as the user's (see PlaygroundOptions). */
  playgroundTimeZone?: string;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
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
      timeZone: options.playgroundTimeZone,
    });
    const running = { simulator, bot, playground };
    const others: RunningPlayground[] = [];
    return {
      ...running,
      workDir,
      botProblems,
      botLog: () => botLines.join('\n'),
      async startPlaygroundAs(userName) {
        const slug = userName.toLowerCase().replace(/\W+/g, '-');
        const configPath = path.join(workDir, `playground-${slug}.yml`);
        const config = playgroundConfigAs(playground.config, userName, `personal-chat-${slug}`);
        writeFileSync(configPath, JSON.stringify(config, null, 2));
        const other = await startPlayground({
          appEndpoint: `${running.bot.url}/api/messages`,
          configPath,
          logFile: path.join(workDir, `m365agentsplayground-${slug}.log`),
          timeZone: options.playgroundTimeZone,
        });
        others.push(other);
        return other;
      },
      async close(closing = {}) {
        for (const other of others) await other.stop();
        await running.playground.stop();
        await running.bot.stop();
        await running.simulator.close();
        if (!closing.keepWorkDir) rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await bot?.stop();
    await simulator?.close();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}
