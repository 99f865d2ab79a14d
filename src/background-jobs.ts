import type { Logger } from './log';

/**
 * Periodic work inside the bot process (provisioning watches, expiry sweeps): each job runs on its
 * interval, never overlapping itself; a failing run is logged and retried at the next tick; stop() waits
 * for running jobs so that SIGTERM never cuts one in half.
 */
export interface BackgroundJob {
  name: string;
  intervalMs: number;
  /** Also run once as soon as the scheduler starts (e.g. loading a cache), not only after the first interval. */
  runAtStart?: boolean;
  run(): Promise<void>;
}

export class JobScheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly jobs: readonly BackgroundJob[],
    private readonly logger: Logger,
  ) {}

  start(): void {
    for (const job of this.jobs) {
      let busy = false;
      const tick = () => {
        if (busy || this.stopped) return;
        busy = true;
        const run = job
          .run()
          .catch((error: unknown) =>
            this.logger.error({ job: job.name, err: error }, 'background job failed'),
          )
          .finally(() => {
            busy = false;
            this.running.delete(run);
          });
        this.running.add(run);
      };
      const timer = setInterval(tick, job.intervalMs);
      timer.unref();
      this.timers.push(timer);
      if (job.runAtStart) tick();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all(this.running);
  }
}
