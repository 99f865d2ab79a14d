import type { MemoryFigures, ScenarioRow, Target } from './report';
import { MB } from './stats';

/** The issue's targets, each judged from the measured rows (pure). */

const DEFERRED_UPSTREAM_MS = 2000;
/** Scenarios of one request per turn, comparable with the baseline's single turn. */
const SINGLE_TURN = ['help', 'lookup (cache miss)', 'lookup (cache hit)', 'users list'];

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function evaluateTargets(
  rows: readonly ScenarioRow[],
  memory: MemoryFigures,
  coalescing: { concurrent: number; upstreamCalls: number },
  memoryFailures: number,
): Target[] {
  const find = (scenario: string, upstreamMs: number, concurrency: number) =>
    rows.find(
      (row) => row.scenario === scenario && row.upstreamMs === upstreamMs && row.concurrency === concurrency,
    );
  const baseline = find('baseline', 0, 10)?.summary;
  if (!baseline) return [];
  const targets: Target[] = [];

  const quiet = rows.filter(
    (row) => row.upstreamMs === 0 && row.concurrency === 10 && SINGLE_TURN.includes(row.scenario),
  );
  targets.push({
    name: 'c = 10, no upstream latency: p99 ≤ baseline p99 + 20 ms',
    met: quiet.every((row) => row.summary.p99Ms <= baseline.p99Ms + 20),
    figures: `${quiet.map((row) => `${row.scenario} ${ms(row.summary.p99Ms)}`).join(', ')}; limit ${ms(baseline.p99Ms + 20)}`,
  });

  const slow = find('lookup (cache miss)', 300, 10)?.summary;
  if (slow) {
    targets.push({
      name: '300 ms upstream: p99 ≤ 300 ms + baseline p99 + 50 ms',
      met: slow.p99Ms <= 350 + baseline.p99Ms,
      figures: `lookup (cache miss) ${ms(slow.p99Ms)}; limit ${ms(350 + baseline.p99Ms)}`,
    });
  }

  const hit = find('lookup (cache hit)', 0, 10)?.summary;
  if (hit) {
    targets.push({
      name: 'lookup cache hit ≥ 80 % of the baseline’s turns/s',
      met: hit.turnsPerSecond >= 0.8 * baseline.turnsPerSecond,
      figures: `${hit.turnsPerSecond.toFixed(0)} vs ${baseline.turnsPerSecond.toFixed(0)} turns/s (${((100 * hit.turnsPerSecond) / baseline.turnsPerSecond).toFixed(0)} %)`,
    });
  }

  const deferred = find('card action: customer.refresh', DEFERRED_UPSTREAM_MS, 10);
  if (deferred) {
    targets.push({
      name: 'card-action invoke p99 < 2 s with a 2 s upstream',
      met: deferred.summary.p99Ms < 2000 && deferred.summary.failures === 0,
      figures: `p99 ${ms(deferred.summary.p99Ms)}; ${deferred.note ?? ''}`,
    });
  }

  const crowded = rows.filter((row) => row.concurrency === 200 && row.scenario !== 'baseline');
  targets.push({
    name: 'zero failed turns at 200 concurrent conversations',
    met: crowded.length > 0 && crowded.every((row) => row.summary.failures === 0),
    figures: crowded
      .map(
        (row) =>
          `${row.scenario}: ${row.summary.failures} of ${row.summary.turns + row.summary.failures} failed`,
      )
      .join('; '),
  });

  targets.push({
    name: 'concurrent identical lookups coalesce into one Partner Center call',
    met: coalescing.upstreamCalls === 1,
    figures: `${coalescing.concurrent} turns → ${coalescing.upstreamCalls} call(s)`,
  });

  // The first sample is taken after the first tenth of the soak (caches and pools warm).
  const [first, ...rest] = memory.soak.samples;
  const last = rest.at(-1);
  if (first && last) {
    const growth = last.heapUsed - first.heapUsed;
    targets.push({
      name: `no memory growth over the soak (${memory.soak.seconds} s): JS heap after GC grows < 5 MB`,
      met: growth < 5 * MB && memory.soak.failures === 0 && memoryFailures === 0,
      figures: `heap ${(first.heapUsed / MB).toFixed(1)} → ${(last.heapUsed / MB).toFixed(1)} MB, RSS ${(first.rss / MB).toFixed(1)} → ${(last.rss / MB).toFixed(1)} MB; ${memory.soak.turns} turns, ${memory.soak.failures} failed`,
    });
  }
  return targets;
}
