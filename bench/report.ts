import { readFileSync, writeFileSync } from 'node:fs';
import { type LatencySummary, megabytes } from './stats';

/** The benchmark's results as a Markdown table (printed, and written between the markers of bench/README.md). */

export interface ScenarioRow {
  scenario: string;
  upstreamMs: number;
  concurrency: number;
  summary: LatencySummary;
  /** Partner Center calls per measured turn (simulator count); undefined for the baseline. */
  callsPerTurn?: number;
  /** The baseline measured at the same concurrency. */
  baseline?: LatencySummary;
  note?: string;
}

export interface MemoryFigures {
  afterStart: NodeJS.MemoryUsage;
  afterLoad: NodeJS.MemoryUsage;
  afterGc: NodeJS.MemoryUsage;
  loadTurns: number;
  loadConversations: number;
  soak: {
    seconds: number;
    turns: number;
    failures: number;
    samples: { atSeconds: number; rss: number; heapUsed: number; external: number }[];
  };
}

export interface Target {
  name: string;
  met: boolean;
  figures: string;
}

export interface BenchReport {
  startedAt: string;
  machine: string;
  rows: ScenarioRow[];
  coalescing: { concurrent: number; upstreamCalls: number };
  memory: MemoryFigures;
  targets: Target[];
}

const ms = (value: number) => value.toFixed(1);

function rowCells(row: ScenarioRow): string[] {
  const { summary, baseline } = row;
  const overhead = baseline
    ? `${summary.p99Ms - baseline.p99Ms >= 0 ? '+' : ''}${ms(summary.p99Ms - baseline.p99Ms)}`
    : '—';
  const ratio = baseline ? (summary.turnsPerSecond / baseline.turnsPerSecond).toFixed(2) : '—';
  return [
    row.scenario,
    `${row.upstreamMs} ms`,
    String(row.concurrency),
    String(summary.turns),
    String(summary.failures),
    ms(summary.p50Ms),
    ms(summary.p99Ms),
    summary.turnsPerSecond.toFixed(0),
    overhead,
    ratio,
    row.callsPerTurn === undefined ? '—' : row.callsPerTurn.toFixed(2),
    row.note ?? '',
  ];
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function formatReport(report: BenchReport): string {
  const scenarios = table(
    [
      'scenario',
      'upstream',
      'conc.',
      'turns',
      'failed',
      'p50 ms',
      'p99 ms',
      'turns/s',
      'p99 − baseline p99',
      'turns/s ÷ baseline',
      'PC calls/turn',
      'note',
    ],
    report.rows.map(rowCells),
  );
  const { memory } = report;
  const soak = memory.soak.samples;
  const first = soak[0];
  const last = soak.at(-1);
  const memoryTable = table(
    ['moment', 'RSS', 'JS heap used', 'external (incl. PGlite WASM)'],
    [
      ['after start', memory.afterStart],
      [`after ${memory.loadTurns} turns in ${memory.loadConversations} conversations`, memory.afterLoad],
      ['after forced GC', memory.afterGc],
    ].map(([label, usage]) => {
      const value = usage as NodeJS.MemoryUsage;
      return [label as string, megabytes(value.rss), megabytes(value.heapUsed), megabytes(value.external)];
    }),
  );
  const soakTable =
    first && last
      ? table(
          [
            'soak',
            'seconds',
            'turns (failed)',
            'RSS first → last (after GC)',
            'JS heap first → last (after GC)',
            'JS heap samples, MB',
          ],
          [
            [
              'mixed turns, 10 conversations',
              String(memory.soak.seconds),
              `${memory.soak.turns} (${memory.soak.failures})`,
              `${megabytes(first.rss)} → ${megabytes(last.rss)}`,
              `${megabytes(first.heapUsed)} → ${megabytes(last.heapUsed)}`,
              soak.map((sample) => megabytes(sample.heapUsed).replace(' MB', '')).join(', '),
            ],
          ],
        )
      : 'no soak samples';
  const targets = table(
    ['target', 'met', 'figures'],
    report.targets.map((target) => [target.name, target.met ? 'yes' : '**no**', target.figures]),
  );
  return [
    `Run ${report.startedAt} on ${report.machine}.`,
    '',
    scenarios,
    '',
    `Coalescing: ${report.coalescing.concurrent} concurrent \`lookup\` turns for the same uncached customer → ${report.coalescing.upstreamCalls} Partner Center call(s).`,
    '',
    memoryTable,
    '',
    soakTable,
    '',
    targets,
  ].join('\n');
}

/** Replaces the figures between the README's markers for `section` (appends them if they are missing). */
export function writeFigures(readmePath: string, section: string, figures: string): void {
  const START = `<!-- figures:${section}:start -->`;
  const END = `<!-- figures:${section}:end -->`;
  const current = readFileSync(readmePath, 'utf8');
  const block = `${START}\n${figures}\n${END}`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const updated =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${block}${current.slice(end + END.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(readmePath, updated);
}
