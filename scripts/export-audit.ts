/**
 * Exports audit rows: `npm run audit -- --since <date> [--until <date>] [--customer <id>] [--actor <id>]
 * [--action <name>] --format csv|json|jsonl`. Opens the store from DATABASE_URL, else the PGlite data
 * directory DATA_DIR (default ./data), and streams every matching row to stdout, newest first.
 */

import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createLogger } from '../src/log';
import { defaultDataDir, openStore } from '../src/store/open-store';
import type { AuditLog, AuditQuery, AuditRecord } from '../src/store/store';

export const usage = `Usage: npm run audit -- --since <date> [--until <date>] [--customer <id>] [--actor <id>] [--action <name>] --format csv|json|jsonl

  --since     first instant to export (inclusive): YYYY-MM-DD or ISO 8601 date-time, UTC unless an offset is given
  --until     instant to stop at (exclusive), same forms; default: now
  --customer  only rows about this customer tenant id
  --actor     only rows by this actor (AAD object id)
  --action    only rows of this action, e.g. user.resetPassword
  --format    csv (RFC 4180), json (one array) or jsonl (one object per line)

The database is DATABASE_URL when set, else the PGlite data directory DATA_DIR (default ./data).
Rows go to stdout, newest first.`;

export type ExportFormat = 'csv' | 'json' | 'jsonl';
const formats: readonly ExportFormat[] = ['csv', 'json', 'jsonl'];

export type ExportQuery = Omit<AuditQuery, 'before' | 'limit'>;

export interface ExportOptions {
  query: ExportQuery;
  format: ExportFormat;
}

/** Bad command-line arguments: the message says what is wrong, the caller prints it with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const isoDate = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A date (UTC midnight) or date-time (UTC unless it carries an offset); refuses impossible dates like 2026-02-30. */
export function parseDate(text: string, flag: string): Date {
  const match = isoDate.exec(text.trim());
  const [, day, time, , , zone] = match ?? [];
  const date = match ? new Date(`${day}${time ?? 'T00:00'}${time && zone ? '' : 'Z'}`) : new Date(Number.NaN);
  const calendarDay = match ? new Date(`${day}T00:00Z`) : date;
  if (Number.isNaN(date.getTime()) || calendarDay.toISOString().slice(0, 10) !== day) {
    throw new UsageError(`${flag} must be a date like 2026-01-31 or 2026-01-31T08:00:00Z, not "${text}"`);
  }
  return date;
}

export function parseExportArgs(argv: readonly string[]): ExportOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        since: { type: 'string' },
        until: { type: 'string' },
        customer: { type: 'string' },
        actor: { type: 'string' },
        action: { type: 'string' },
        format: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const text = (name: string): string | undefined => {
    const value = values[name];
    if (typeof value !== 'string') return undefined;
    if (value.trim() === '') throw new UsageError(`--${name} needs a value`);
    return value;
  };

  const since = text('since');
  if (since === undefined) throw new UsageError('--since is required');
  const format = text('format');
  if (format === undefined) throw new UsageError('--format is required');
  if (!formats.includes(format as ExportFormat)) {
    throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${format}"`);
  }
  const until = text('until');
  const query: ExportQuery = { since: parseDate(since, '--since') };
  if (until !== undefined) query.until = parseDate(until, '--until');
  if (query.until && query.since && query.until <= query.since)
    throw new UsageError('--until must be after --since');
  const customerId = text('customer');
  const actorId = text('actor');
  const action = text('action');
  if (customerId !== undefined) query.customerId = customerId;
  if (actorId !== undefined) query.actorId = actorId;
  if (action !== undefined) query.action = action;
  return { query, format: format as ExportFormat };
}

export const csvHeader = [
  'id',
  'at',
  'actor_id',
  'actor_name',
  'roles',
  'action',
  'outcome',
  'customer_id',
  'target_user_id',
  'subscription_id',
  'correlation_id',
  'details',
];

/**
 * One RFC 4180 field. A cell a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * gets a leading single quote; a cell with a comma, quote or line break is quoted, quotes doubled.
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function auditCsvCells(record: AuditRecord): string[] {
  return [
    record.id,
    record.at.toISOString(),
    record.actorId,
    record.actorName ?? '',
    record.roles.join(';'),
    record.action,
    record.outcome,
    record.customerId ?? '',
    record.targetUserId ?? '',
    record.subscriptionId ?? '',
    record.correlationId,
    record.details === undefined ? '' : JSON.stringify(record.details),
  ];
}

/** Every matching record, newest first, one page (at most 200 rows) per query. */
export async function* auditPages(audit: AuditLog, query: ExportQuery): AsyncGenerator<AuditRecord[]> {
  let before: string | undefined;
  for (;;) {
    const page = await audit.query({ ...query, limit: 200, ...(before !== undefined && { before }) });
    if (page.length === 0) return;
    yield page;
    before = page[page.length - 1]?.id;
  }
}

/** The text of one page in `format`; `first` tells whether a row was written before it (for JSON commas). */
export function formatPage(records: readonly AuditRecord[], format: ExportFormat, first: boolean): string {
  switch (format) {
    case 'csv':
      return records.map((record) => csvLine(auditCsvCells(record))).join('');
    case 'jsonl':
      return records.map((record) => `${JSON.stringify(record)}\n`).join('');
    case 'json':
      return records
        .map((record, index) => `${first && index === 0 ? '' : ',\n'}${JSON.stringify(record)}`)
        .join('');
  }
}

async function put(out: Writable, text: string): Promise<void> {
  if (text !== '' && !out.write(text)) await once(out, 'drain');
}

/** Streams the export to `out` and returns the number of rows written. */
export async function writeExport(audit: AuditLog, options: ExportOptions, out: Writable): Promise<number> {
  let rows = 0;
  await put(out, options.format === 'csv' ? csvLine(csvHeader) : options.format === 'json' ? '[\n' : '');
  for await (const page of auditPages(audit, options.query)) {
    await put(out, formatPage(page, options.format, rows === 0));
    rows += page.length;
  }
  await put(out, options.format === 'json' ? `${rows === 0 ? '' : '\n'}]\n` : '');
  return rows;
}

/** Runs the command; resolves to the process exit code (0 done, 1 failed, 2 bad arguments). */
export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: Writable,
  err: Writable,
): Promise<number> {
  let options: ExportOptions;
  try {
    options = parseExportArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`error: ${error.message}\n\n${usage}\n`);
    return 2;
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = env.DATA_DIR || defaultDataDir;
  if (!databaseUrl && !existsSync(dataDir)) {
    err.write(
      `error: no database: DATABASE_URL is not set and the data directory ${dataDir} does not exist\n`,
    );
    return 1;
  }
  const logger = createLogger({ level: 'warn', name: 'export-audit' }, pino.destination(2));
  try {
    const store = await openStore({ databaseUrl, dataDir, logger });
    try {
      const rows = await writeExport(store.audit, options, out);
      err.write(`exported ${rows} audit rows\n`);
      return 0;
    } finally {
      await store.close();
    }
  } catch (error) {
    err.write(`error: ${(error as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2), process.env, process.stdout, process.stderr).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
