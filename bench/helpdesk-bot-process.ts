import { startBot } from '../src/bot-main';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { failStart, serveControl } from './control';

/**
 * The system under test: the bot exactly as `npm run bot` starts it (startBot → buildApp), in dev mode
 * on loopback, with its store (PGlite in BENCH_DATA_DIR, or PostgreSQL at BENCH_DATABASE_URL) and
 * Partner Center at the simulator's URL. Logs at info level go to this process's log file.
 */
async function main(): Promise<void> {
  const env = process.env;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    PARTNER_CENTER_BASE_URL: env.BENCH_SIMULATOR_URL,
    DATA_DIR: env.BENCH_DATA_DIR,
    DATABASE_URL: env.BENCH_DATABASE_URL,
  });
  const bot = await startBot(config, createLogger({ level: config.logLevel }));
  serveControl(bot.url, bot.stop);
}

main().catch(failStart);
