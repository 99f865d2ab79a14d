import { createLogger } from '../log';
import { optionsFromEnv } from './env';
import { startSimulator } from './index';

/** `npm run simulator`: serves the simulator until SIGINT or SIGTERM, then closes it and exits. */
async function main(): Promise<void> {
  const options = optionsFromEnv(process.env);
  const logger = createLogger({ name: 'partner-center-simulator' });
  const simulator = await startSimulator({ ...options, logger });
  process.stdout.write(
    `Partner Center simulator listening on ${simulator.url} (API under ${simulator.url}/v1)\n`,
  );

  const stop = (signal: NodeJS.Signals) => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    logger.info({ signal }, 'simulator stopping');
    simulator.close().then(
      () => logger.info('simulator stopped'),
      (error: unknown) => {
        logger.error({ err: error }, 'simulator did not close cleanly');
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
