import { createGdapDirectory } from './api/create-gdap-directory';
import { createIdentityTokens } from './api/identity-tokens';
import { PartnerCenterClient } from './api/partner-center-client';
import { buildApp } from './app';
import { loadRoleAssignments, type RoleAssignments } from './auth/role-assignments';
import { BotStateStorage } from './bot/bot-state-storage';
import { type Config, ConfigError, describeConfig, loadConfig, readEnvironment } from './config';
import { createLogger, type Logger } from './log';
import { openStore } from './store/open-store';
import type { Store } from './store/store';

/**
 * `npm run bot`: the bot alone, configured only by the environment (and .env).
 * `startBot` is also what `npm start` and the integration tests use.
 */

export interface RunningBot {
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  /** SIGTERM behaviour: stop accepting, finish in-flight turns, close the store. */
  stop(): Promise<void>;
}

export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  const started = Date.now();
  const assignments = await loadRoleAssignments(config.rbacConfigPath);
  const store = await openStore({
    databaseUrl: config.store.databaseUrl,
    dataDir: config.store.dataDir,
    logger,
  });
  try {
    return await startOnStore(config, logger, store, assignments, started);
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function startOnStore(
  config: Config,
  logger: Logger,
  store: Store,
  assignments: RoleAssignments,
  started: number,
): Promise<RunningBot> {
  const identity = createIdentityTokens(
    config.identity.mode,
    {
      clientId: config.partnerCenter.clientId,
      clientSecret: config.partnerCenter.clientSecret,
      certificate: config.partnerCenter.certificate,
      tenantId: config.partnerCenter.tenantId,
      refreshToken: config.partnerCenter.refreshToken,
    },
    config.partnerCenter.baseUrl,
    { logger },
  );
  const gdap = createGdapDirectory(config.graph, config.identity.gdapPreflight, logger);
  const partnerCenter = new PartnerCenterClient({
    baseUrl: config.partnerCenter.baseUrl,
    tokens: identity.tokens,
    logger,
    timeouts: {
      connectMs: 3000,
      headersMs: config.partnerCenter.timeoutMs,
      bodyMs: config.partnerCenter.timeoutMs,
    },
  });
  const app = buildApp({
    config,
    store,
    botStorage: new BotStateStorage(store.state),
    partnerCenter,
    assignments,
    logger,
    identity,
    gdap,
  });
  const address = await app.server.listen(config.port, config.host);
  app.jobs.start();
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ ...describeConfig(config), url, startupMs: Date.now() - started }, 'bot: listening');

  let stopping: Promise<void> | undefined;
  return {
    url,
    stop() {
      stopping ??= (async () => {
        logger.info({ inFlight: app.server.inFlight() }, 'bot: stopping');
        await app.server.close();
        await app.jobs.stop();
        await app.release();
        await partnerCenter.close();
        await gdap?.close();
        await store.close();
        logger.info('bot: stopped');
      })();
      return stopping;
    },
  };
}

/** Exits 0 after a clean stop on SIGTERM/SIGINT. */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'signal received');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

export function configFromEnvironmentOrExit(): Config {
  try {
    return loadConfig(readEnvironment(process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee the configuration table in README.md.\n`);
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configFromEnvironmentOrExit();
  const logger = createLogger({ level: config.logLevel });
  const bot = await startBot(config, logger);
  stopOnSignals(bot.stop, logger);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`The bot could not start: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
