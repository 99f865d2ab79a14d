import { type BackgroundJob, JobScheduler } from '../src/background-jobs';
import { silentLogger } from '../src/log';

describe('background jobs', () => {
  it('run a job marked runAtStart at once, and the others only after their interval', async () => {
    const ran: string[] = [];
    const job = (name: string, runAtStart: boolean): BackgroundJob => ({
      name,
      intervalMs: 60_000,
      runAtStart,
      run: async () => {
        ran.push(name);
      },
    });
    const scheduler = new JobScheduler([job('index', true), job('sweep', false)], silentLogger());
    scheduler.start();
    await scheduler.stop();
    expect(ran).toEqual(['index']);
  });
});
