import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { startConnectorSink } from './connector-sink';
import { runLoad } from './load';
import { type ServerProcess, startServerProcess } from './processes';
import { type BenchReport, formatReport, type MemoryFigures, type ScenarioRow, writeFigures } from './report';
import {
  baselineScenario,
  CustomerIds,
  helpScenario,
  lookupHitScenario,
  lookupMissScenario,
  mixedScenario,
  refreshScenario,
  resetPasswordScenario,
  resettableUsers,
  type Scenario,
  type ScenarioContext,
  usersListScenario,
} from './scenarios';
import { simulatorControl } from './simulator-control';
import { MB, summarize } from './stats';
import { evaluateTargets } from './targets';

/**
 * `npm run bench`: the helpdesk bot against the smallest botbuilder bot, both on this machine in the same
 * run, with Partner Center simulated at a fixed added latency. Loopback only; bounded in turns and time
 * (BENCH_SCALE multiplies the turn counts, BENCH_SOAK_SECONDS sets the soak, default 30 s).
 * Prints the table and writes it into bench/README.md (BENCH_WRITE_README=0 to skip).
 */

const env = process.env;
const settings = {
  scale: Number(env.BENCH_SCALE ?? '1'),
  soakSeconds: Number(env.BENCH_SOAK_SECONDS ?? '30'),
  databaseUrl: env.BENCH_DATABASE_URL,
  writeReadme: env.BENCH_WRITE_README !== '0',
};
const turns = (count: number) => Math.max(10, Math.round(count * settings.scale));

const HIT_CUSTOMERS = 20;
/** Cycled by the memory phase and the soak: four times the read cache's 500 entries, so every read misses. */
const CYCLED_CUSTOMERS = 2000;
/** Customers whose ordinary users the reset scenario targets. */
const RESET_CUSTOMERS = 50;
const MEMORY_TURNS = 10_000;
const MEMORY_CONVERSATIONS = 1000;
const MEMORY_CONCURRENCY = 50;
const COALESCING_TURNS = 50;
export const DEFERRED_UPSTREAM_MS = 2000;
const SOAK_SAMPLES = 10;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

interface Plan {
  upstreamMs: number;
  concurrency: number;
  turns: number;
  warmup: number;
  /** The baseline row at the same concurrency (absent: this is the baseline). */
  baseline?: ScenarioRow;
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg()[0] ?? 0;
  const work = mkdtempSync(path.join(tmpdir(), 'helpdesk-bench-'));
  const customerCount = turns(12_000) + CYCLED_CUSTOMERS + HIT_CUSTOMERS + 100;
  const simulator = await startServerProcess(
    'simulator-process.ts',
    { BENCH_CUSTOMERS: String(customerCount) },
    path.join(work, 'simulator.log'),
  );
  const sim = simulatorControl(simulator.url);
  const sink = await startConnectorSink();
  const customers = new CustomerIds(customerCount);
  const hitIds = Array.from({ length: HIT_CUSTOMERS }, () => customers.take());
  const ids = { hits: hitIds, misses: Array.from({ length: CYCLED_CUSTOMERS }, () => customers.take()) };
  const context = (concurrency: number): ScenarioContext => ({
    serviceUrl: sink.serviceUrl,
    concurrency,
    customers,
  });

  const measure = async (server: ServerProcess, scenario: Scenario, plan: Plan): Promise<ScenarioRow> => {
    await sim.setLatency(plan.upstreamMs);
    await sim.resetCalls();
    const result = await runLoad({
      origin: server.url,
      concurrency: plan.concurrency,
      turn: scenario.turn,
      warmup: plan.warmup,
      turns: plan.turns,
    });
    const summary = summarize(result.latenciesMs, result.failures, result.elapsedMs);
    // The warm-up turns are the same scenario's: calls per turn over both.
    const turnsRun = summary.turns + summary.failures + plan.warmup;
    const calls = (await sim.calls()).total;
    log(
      `${scenario.name} @${plan.upstreamMs} ms ×${plan.concurrency}: p50 ${summary.p50Ms.toFixed(1)} p99 ${summary.p99Ms.toFixed(1)} ${summary.turnsPerSecond.toFixed(0)}/s failed ${summary.failures}${result.failureSamples[0] ? ` e.g. ${result.failureSamples[0]}` : ''}`,
    );
    return {
      scenario: scenario.name,
      upstreamMs: plan.upstreamMs,
      concurrency: plan.concurrency,
      summary,
      callsPerTurn: plan.baseline ? calls / Math.max(1, turnsRun) : undefined,
      baseline: plan.baseline?.summary,
    };
  };
  const at = (upstreamMs: number, concurrency: number, count: number, baseline: ScenarioRow): Plan => ({
    upstreamMs,
    concurrency,
    turns: turns(count),
    warmup: Math.min(200, Math.round(turns(count) / 10)),
    baseline,
  });

  try {
    // 1. The baseline bot, at 10 and at 200 concurrent conversations.
    log('baseline');
    const baselineServer = await startServerProcess(
      'baseline-bot-process.ts',
      {},
      path.join(work, 'baseline.log'),
    );
    const baseline10 = await measure(baselineServer, baselineScenario(context(10), 'baseline'), {
      upstreamMs: 0,
      concurrency: 10,
      turns: turns(3000),
      warmup: 300,
    });
    const baseline200 = await measure(baselineServer, baselineScenario(context(200), 'baseline-200'), {
      upstreamMs: 0,
      concurrency: 200,
      turns: turns(4000),
      warmup: 400,
    });
    await baselineServer.stop();

    // 2. The helpdesk bot, fresh: memory after start, after 10,000 turns in 1,000 conversations, after GC.
    log('helpdesk bot: memory');
    const bot = await startServerProcess(
      'helpdesk-bot-process.ts',
      {
        BENCH_SIMULATOR_URL: simulator.url,
        BENCH_DATA_DIR: path.join(work, 'data'),
        ...(settings.databaseUrl ? { BENCH_DATABASE_URL: settings.databaseUrl } : {}),
      },
      path.join(work, 'bot.log'),
    );
    const afterStart = await bot.collectGarbage();
    await sim.setLatency(0);
    const memoryLoad = await runLoad({
      origin: bot.url,
      concurrency: MEMORY_CONCURRENCY,
      turns: MEMORY_TURNS,
      turn: mixedScenario(
        context(MEMORY_CONCURRENCY),
        ids,
        MEMORY_CONVERSATIONS / MEMORY_CONCURRENCY,
        'memory',
      ).turn,
    });
    const afterLoad = await bot.memory();
    const afterGc = await bot.collectGarbage();

    // 3. Latency and throughput at 10 concurrent conversations, with 0, 50 and 300 ms upstream.
    const rows: ScenarioRow[] = [baseline10];
    const upns = resettableUsers(RESET_CUSTOMERS);
    for (const upstreamMs of [0, 50]) {
      rows.push(
        await measure(
          bot,
          helpScenario(context(10), `help-${upstreamMs}`),
          at(upstreamMs, 10, 2000, baseline10),
        ),
      );
      rows.push(
        await measure(
          bot,
          lookupMissScenario(context(10), `miss-${upstreamMs}`),
          at(upstreamMs, 10, 2000, baseline10),
        ),
      );
      rows.push(
        await measure(
          bot,
          lookupHitScenario(context(10), hitIds, `hit-${upstreamMs}`),
          at(upstreamMs, 10, 2000, baseline10),
        ),
      );
      rows.push(
        await measure(
          bot,
          usersListScenario(context(10), hitIds, `users-${upstreamMs}`),
          at(upstreamMs, 10, 1000, baseline10),
        ),
      );
      rows.push(
        await measure(
          bot,
          resetPasswordScenario(context(10), upns, `reset-${upstreamMs}`),
          at(upstreamMs, 10, 500, baseline10),
        ),
      );
    }
    rows.push(await measure(bot, lookupMissScenario(context(10), 'miss-300'), at(300, 10, 600, baseline10)));

    // 4. A card action with a 2 s upstream: acknowledged in time, finished by an update of the card.
    const updatesBefore = sink.received().updated;
    const deferred = await measure(bot, refreshScenario(context(10), 'refresh'), {
      ...at(DEFERRED_UPSTREAM_MS, 10, 200, baseline10),
      warmup: 0,
    });
    const updated =
      (await sink.waitForUpdates(updatesBefore + deferred.summary.turns, 30_000)) - updatesBefore;
    deferred.note = `${updated} of ${deferred.summary.turns} cards updated afterwards`;
    deferred.callsPerTurn = (await sim.calls()).total / Math.max(1, deferred.summary.turns);
    rows.push(deferred);

    // 5. 200 concurrent conversations.
    rows.push(baseline200);
    rows.push(await measure(bot, helpScenario(context(200), 'help-200'), at(0, 200, 4000, baseline200)));
    rows.push(
      await measure(bot, lookupMissScenario(context(200), 'miss-200'), at(50, 200, 4000, baseline200)),
    );

    // 6. Coalescing: concurrent identical lookups of a customer not in the cache.
    await sim.setLatency(300);
    await sim.resetCalls();
    const sameCustomer = [customers.take()];
    const coalescingLoad = await runLoad({
      origin: bot.url,
      concurrency: COALESCING_TURNS,
      turns: COALESCING_TURNS,
      turn: lookupHitScenario(context(COALESCING_TURNS), sameCustomer, 'coalesce').turn,
    });
    const coalescing = {
      concurrent: COALESCING_TURNS - coalescingLoad.failures,
      upstreamCalls: (await sim.calls()).byRoute['GET /v1/customers/{customer-tenant-id}'] ?? 0,
    };
    log(`coalescing: ${coalescing.concurrent} turns → ${coalescing.upstreamCalls} call(s)`);

    // 7. Soak: mixed turns in 10 conversations; memory after GC every tenth of the time.
    log(`soak ${settings.soakSeconds} s`);
    await sim.setLatency(0);
    const soakSamples: MemoryFigures['soak']['samples'] = [];
    const soakStarted = Date.now();
    let soakFailures = 0;
    let soakTurns = 0;
    const soakScenario = mixedScenario(context(10), ids, 1, 'soak');
    for (let sample = 0; sample < SOAK_SAMPLES; sample++) {
      const load = await runLoad({
        origin: bot.url,
        concurrency: 10,
        turns: Number.POSITIVE_INFINITY,
        durationMs: (settings.soakSeconds * 1000) / SOAK_SAMPLES,
        turn: soakScenario.turn,
      });
      soakFailures += load.failures;
      soakTurns += load.latenciesMs.length;
      const usage = await bot.collectGarbage();
      soakSamples.push({
        atSeconds: Math.round((Date.now() - soakStarted) / 1000),
        rss: usage.rss,
        heapUsed: usage.heapUsed,
        external: usage.external,
      });
    }
    await bot.stop();

    const memory: MemoryFigures = {
      afterStart,
      afterLoad,
      afterGc,
      loadTurns: MEMORY_TURNS - memoryLoad.failures,
      loadConversations: MEMORY_CONVERSATIONS,
      soak: { seconds: settings.soakSeconds, turns: soakTurns, failures: soakFailures, samples: soakSamples },
    };
    const report: BenchReport = {
      startedAt,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / MB / 1024)} GB, Node ${process.version}, store ${settings.databaseUrl ? 'PostgreSQL' : 'PGlite (on disk)'}, load average ${loadBefore.toFixed(1)} before / ${(loadavg()[0] ?? 0).toFixed(1)} after`,
      rows,
      coalescing,
      memory,
      targets: evaluateTargets(rows, memory, coalescing, memoryLoad.failures),
    };
    const figures = formatReport(report);
    process.stdout.write(`${figures}\n`);
    if (settings.writeReadme) {
      writeFigures(path.join(__dirname, 'README.md'), settings.databaseUrl ? 'postgres' : 'pglite', figures);
    }
  } finally {
    await sink.close();
    await simulator.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
