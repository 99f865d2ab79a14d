import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { configFromEnvironmentOrExit, type RunningBot, startBot, stopOnSignals } from './bot-main';
import { createLogger } from './log';
import { type RunningSimulator, startSimulator } from './simulator';

/**
 * `npm start`: everything a newcomer needs on one machine — the Partner Center simulator (unless
 * Partner Center credentials are configured), the bot on its embedded database, and Microsoft 365
 * Agents Playground opened on the bot. Prints the Playground URL.
 */

const PLAYGROUND_CONFIG = path.resolve('playground/m365agentsplayground.yml');

function hasPartnerCenterSettings(env: NodeJS.ProcessEnv): boolean {
  return Object.keys(env).some((name) => name.startsWith('PARTNER_CENTER_') && env[name]?.trim());
}

function startPlayground(botUrl: string, port: number): ChildProcess {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  return spawn(
    process.execPath,
    [
      cli,
      '--app-endpoint',
      `${botUrl}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      String(port),
      '--disable-telemetry',
    ],
    {
      env: {
        ...process.env,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.resolve('.playground/playground.log'),
        TEAMSAPPTESTER_BROWSER: 'none',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

async function main(): Promise<void> {
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });
  let simulator: RunningSimulator | undefined;
  if (!hasPartnerCenterSettings(process.env)) {
    simulator = await startSimulator({
      port: Number(process.env.SIMULATOR_PORT ?? 4010),
      extraCustomers: Number(process.env.EXTRA_CUSTOMERS ?? 200),
      logger,
    });
    process.env.PARTNER_CENTER_BASE_URL = simulator.url;
    // The simulator also plays Microsoft Graph (group membership), unless real Graph credentials are set.
    if (!process.env.GRAPH_CLIENT_ID) process.env.GRAPH_BASE_URL ??= simulator.url;
    logger.info(
      { url: simulator.url },
      'start: Partner Center simulator running (no Partner Center credentials configured)',
    );
  }

  const config = configFromEnvironmentOrExit();
  let bot: RunningBot;
  try {
    bot = await startBot(config, logger);
  } catch (error) {
    await simulator?.close();
    throw error;
  }

  const withPlayground = !process.argv.includes('--no-playground');
  const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
  const playground = withPlayground ? startPlayground(bot.url, playgroundPort) : undefined;

  process.stdout.write(
    [
      '',
      `  Bot:                 ${bot.url}/api/messages  (health: ${bot.url}/healthz, ${bot.url}/readyz)`,
      simulator
        ? `  Partner Center:      ${simulator.url}  (local simulator)`
        : `  Partner Center:      ${config.partnerCenter.baseUrl}`,
      withPlayground
        ? `  Agents Playground:   http://localhost:${playgroundPort}  <- open this, then type: help, lookup contoso`
        : '',
      '',
    ].join('\n'),
  );

  stopOnSignals(async () => {
    playground?.kill('SIGTERM');
    await bot.stop();
    await simulator?.close();
  }, logger);
}

main().catch((error: unknown) => {
  const { code, port } = error as NodeJS.ErrnoException & { port?: number };
  const hint =
    code === 'EADDRINUSE'
      ? ` (port ${port} is taken: is another \`npm start\` still running? PORT, SIMULATOR_PORT and PLAYGROUND_PORT choose others)`
      : '';
  process.stderr.write(`Could not start: ${(error as Error).message}${hint}\n`);
  process.exit(1);
});
