import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { startTestBot, type TestBot } from '../support/test-bot';
import { expectToldAbout, failureLines, say } from './turns';

/**
 * The store's PostgreSQL server restarting under a running bot, in a throwaway cluster of this test's own
 * (scripts/ci/start-postgres.sh in a directory of its own, so the shared test server is untouched): while it is
 * down the user is told so with a reference, and once it is back the same bot serves again; nothing recorded
 * before the restart is lost.
 */

const postgresBin = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .map((version) => `/usr/lib/postgresql/${version}/bin`)
      .find((dir) => existsSync(`${dir}/pg_ctl`))
  : undefined;
// In CI a missing PostgreSQL is a failure, not a reason to skip (as for the store tests).
const describeWithPostgres = postgresBin || process.env.CI ? describe : describe.skip;

const acme = '81a570b1-db47-4da6-9abd-a31abacd60b8';

describeWithPostgres('the store restarting mid-run', () => {
  let clusterDir: string;
  let store: Store;
  let bot: TestBot;

  const startCluster = () =>
    execFileSync('bash', ['scripts/ci/start-postgres.sh'], {
      env: {
        ...process.env,
        PG_CI_DIR: clusterDir,
        PG_CI_DATABASE: 'helpdesk_faults',
        PG_CI_PORT: String(57_000 + (process.pid % 900)),
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  const asOwner = (command: string[]) =>
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', ...command]]
      : [command[0], command.slice(1)];
  const stopCluster = () => {
    const [file, args] = asOwner([
      `${postgresBin}/pg_ctl`,
      '-D',
      `${clusterDir}/data`,
      '-m',
      'fast',
      '-w',
      'stop',
    ]);
    execFileSync(file as string, args as string[], { stdio: 'ignore' });
  };

  beforeAll(async () => {
    clusterDir = mkdtempSync(path.join(tmpdir(), 'helpdesk-store-faults-'));
    const url = startCluster();
    store = await openStore({ databaseUrl: url });
    bot = await startTestBot({ store });
  }, 120_000);
  afterAll(async () => {
    await bot?.close();
    await store?.close();
    if (existsSync(`${clusterDir}/data/postmaster.pid`)) stopCluster();
    rmSync(clusterDir, { recursive: true, force: true });
  }, 60_000);

  it('tells the user while it is down, serves again when it is back, and keeps what was recorded', async () => {
    const before = await say(bot, `lookup ${acme}`);
    expect(before.texts).toContain('ACME Corporation');
    const recorded = await bot.store.audit.query({ action: 'lookup', limit: 50 });
    expect(recorded.length).toBeGreaterThan(0);

    stopCluster();
    const down = await say(bot, `lookup ${acme}`);
    const reference = expectToldAbout(down.texts, 'STORE_UNAVAILABLE');
    expect(failureLines(bot, reference)).toEqual([expect.objectContaining({ code: 'STORE_UNAVAILABLE' })]);

    startCluster();
    const after = await say(bot, `lookup ${acme}`);
    expect(after.texts).toContain('ACME Corporation');
    const kept = await bot.store.audit.query({ action: 'lookup', limit: 50 });
    expect(kept.map((row) => row.id)).toEqual(expect.arrayContaining(recorded.map((row) => row.id)));
    expect(kept.length).toBeGreaterThan(recorded.length);
  }, 60_000);
});
