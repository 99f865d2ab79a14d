import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startConnectorSink } from './connector-sink';
import { runLoad } from './load';
import { type ServerProcess, startServerProcess } from './processes';
import {
  baselineScenario,
  CustomerIds,
  helpScenario,
  lookupHitScenario,
  lookupMissScenario,
  type Scenario,
  type ScenarioContext,
  usersListScenario,
} from './scenarios';
import { simulatorControl } from './simulator-control';
import { summarize } from './stats';

/**
 * `npx tsx bench/focus.ts [help] [hit] [miss] [users]`: a quick look at a few scenarios at 10 concurrent
 * conversations and no upstream latency, against the baseline of the same run; nothing is written to the
 * README. For finding where a turn's time goes: BENCH_CPU_PROF_DIR=<dir> runs the bot under `--cpu-prof`
 * (the profile is written there when the bot stops). BENCH_TURNS (default 2000) and BENCH_DATABASE_URL as in
 * `npm run bench`.
 */

const env = process.env;
const TURNS = Number(env.BENCH_TURNS ?? '2000');
const CONCURRENCY = 10;
const HIT_CUSTOMERS = 20;
const log = (line: string) => process.stderr.write(`focus: ${line}\n`);

const choices: Record<string, (context: ScenarioContext, hits: string[]) => Scenario> = {
  help: (context) => helpScenario(context),
  hit: (context, hits) => lookupHitScenario(context, hits),
  miss: (context) => lookupMissScenario(context),
  users: (context, hits) => usersListScenario(context, hits),
};

/** CPU seconds a process has used so far (user + system, Linux /proc), or NaN elsewhere. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The scenario's latencies, and the server's CPU time per measured turn (steadier than turns/s on a busy machine). */
async function measure(server: ServerProcess, scenario: Scenario) {
  const warmup = Math.min(300, Math.round(TURNS / 5));
  const cpuBefore = cpuSeconds(server.pid);
  const result = await runLoad({
    origin: server.url,
    concurrency: CONCURRENCY,
    turn: scenario.turn,
    warmup,
    turns: TURNS,
  });
  const cpuMsPerTurn = (1000 * (cpuSeconds(server.pid) - cpuBefore)) / (TURNS + warmup);
  return { ...summarize(result.latenciesMs, result.failures, result.elapsedMs), cpuMsPerTurn };
}
type Measured = Awaited<ReturnType<typeof measure>>;

async function main(): Promise<void> {
  const selected = process.argv.slice(2);
  const names = selected.length > 0 ? selected : ['help', 'hit'];
  const unknown = names.filter((name) => !(name in choices));
  if (unknown.length > 0)
    throw new Error(`unknown scenario(s) ${unknown.join(', ')}: use help, hit, miss, users`);
  const work = mkdtempSync(path.join(tmpdir(), 'helpdesk-focus-'));
  const customerCount = TURNS * 2 + 1000;
  const simulator = await startServerProcess(
    'simulator-process.ts',
    { BENCH_CUSTOMERS: String(customerCount) },
    path.join(work, 'simulator.log'),
  );
  const sim = simulatorControl(simulator.url);
  const sink = await startConnectorSink();
  const customers = new CustomerIds(customerCount);
  const hits = Array.from({ length: HIT_CUSTOMERS }, () => customers.take());
  const context: ScenarioContext = { serviceUrl: sink.serviceUrl, concurrency: CONCURRENCY, customers };
  const line = (name: string, s: Measured, base?: Measured) =>
    log(
      `${name.padEnd(20)} p50 ${s.p50Ms.toFixed(1).padStart(6)} p99 ${s.p99Ms.toFixed(1).padStart(6)} ${s.turnsPerSecond.toFixed(0).padStart(5)}/s CPU ${s.cpuMsPerTurn.toFixed(2)} ms/turn failed ${s.failures}${base ? `  p99 − base ${(s.p99Ms - base.p99Ms).toFixed(1)}, ${((100 * s.turnsPerSecond) / base.turnsPerSecond).toFixed(0)} % of its turns/s` : ''}`,
    );
  try {
    log(`load average ${(loadavg()[0] ?? 0).toFixed(1)}`);
    const baselineServer = await startServerProcess('baseline-bot-process.ts', {}, path.join(work, 'b.log'));
    const baseline = await measure(baselineServer, baselineScenario(context, 'baseline'));
    await baselineServer.stop();
    line('baseline', baseline);

    const profileDir = env.BENCH_CPU_PROF_DIR;
    const bot = await startServerProcess(
      'helpdesk-bot-process.ts',
      {
        BENCH_SIMULATOR_URL: simulator.url,
        BENCH_DATA_DIR: path.join(work, 'data'),
        ...(env.BENCH_DATABASE_URL ? { BENCH_DATABASE_URL: env.BENCH_DATABASE_URL } : {}),
      },
      path.join(work, 'bot.log'),
      profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [],
    );
    await sim.setLatency(0);
    // Not measured: the customer index loads at start, and the code is not optimized yet.
    await runLoad({
      origin: bot.url,
      concurrency: CONCURRENCY,
      turns: 1000,
      turn: helpScenario(context, 'warm').turn,
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const name of names) {
      const scenario = (choices[name] as (typeof choices)[string])(context, hits);
      line(scenario.name, await measure(bot, scenario), baseline);
    }
    await bot.stop();
    log(`load average ${(loadavg()[0] ?? 0).toFixed(1)}`);
  } finally {
    await sink.close();
    await simulator.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`focus failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
