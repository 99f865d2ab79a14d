import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import {
  auditCsvCells,
  csvCell,
  csvHeader,
  csvLine,
  type ExportOptions,
  main,
  parseDate,
  parseExportArgs,
  UsageError,
  writeExport,
} from '../../scripts/export-audit';
import { silentLogger } from '../../src/log';
import { openStore } from '../../src/store/open-store';
import type { AuditEntry, AuditRecord, Store } from '../../src/store/store';

const record: AuditRecord = {
  id: '7',
  at: new Date('2026-03-01T10:00:00.000Z'),
  actorId: 'aad-1',
  actorName: 'Doe, Jane',
  roles: ['helpdesk', 'admin'],
  action: 'user.resetPassword',
  outcome: 'succeeded',
  customerId: 'cust-1',
  correlationId: 'corr-1',
  details: { note: 'said "hi"' },
};

/** A minimal RFC 4180 reader, to check that what the exporter writes parses back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += char;
  }
  return rows;
}

describe('export arguments', () => {
  it('reads every filter and the format', () => {
    expect(
      parseExportArgs([
        '--since',
        '2026-01-01',
        '--until',
        '2026-02-01T12:30:00+02:00',
        '--customer',
        'c-1',
        '--actor',
        'aad-1',
        '--action',
        'user.list',
        '--format',
        'json',
      ]),
    ).toEqual({
      format: 'json',
      query: {
        since: new Date('2026-01-01T00:00:00Z'),
        until: new Date('2026-02-01T10:30:00Z'),
        customerId: 'c-1',
        actorId: 'aad-1',
        action: 'user.list',
      },
    });
  });

  it('accepts --flag=value', () => {
    expect(parseExportArgs(['--since=2026-01-01', '--format=csv'])).toEqual({
      format: 'csv',
      query: { since: new Date('2026-01-01T00:00:00Z') },
    });
  });

  it.each([
    ['no --since', ['--format', 'csv'], /--since is required/],
    ['no --format', ['--since', '2026-01-01'], /--format is required/],
    [
      'an unknown format',
      ['--since', '2026-01-01', '--format', 'xml'],
      /--format must be one of csv, json, jsonl/,
    ],
    ['an unknown option', ['--since', '2026-01-01', '--format', 'csv', '--verbose'], /verbose/],
    ['a positional argument', ['--since', '2026-01-01', '--format', 'csv', 'extra'], /extra/],
    ['a flag without value', ['--since', '2026-01-01', '--format'], /format/],
    [
      'an empty customer',
      ['--since', '2026-01-01', '--format', 'csv', '--customer', ' '],
      /--customer needs a value/,
    ],
    ['a bad date', ['--since', 'yesterday', '--format', 'csv'], /--since must be a date/],
    [
      'until before since',
      ['--since', '2026-02-01', '--until', '2026-01-01', '--format', 'csv'],
      /after --since/,
    ],
  ])('refuses %s with a usage error', (_label, argv, message) => {
    expect(() => parseExportArgs(argv)).toThrow(UsageError);
    expect(() => parseExportArgs(argv)).toThrow(message);
  });
});

describe('export dates', () => {
  it('reads a day as UTC midnight and a date-time as UTC unless it has an offset', () => {
    expect(parseDate('2026-01-31', '--since')).toEqual(new Date('2026-01-31T00:00:00Z'));
    expect(parseDate('2026-01-31T08:15', '--since')).toEqual(new Date('2026-01-31T08:15:00Z'));
    expect(parseDate('2026-01-31T08:15:30.5Z', '--since')).toEqual(new Date('2026-01-31T08:15:30.500Z'));
    expect(parseDate('2026-01-31T08:15:00-05:00', '--since')).toEqual(new Date('2026-01-31T13:15:00Z'));
  });

  it.each(['2026-02-30', '2026-13-01', '2026-01-31T25:00', '31/01/2026', '2026-01-31 08:00', ''])(
    'refuses %j',
    (text) => {
      expect(() => parseDate(text, '--since')).toThrow(UsageError);
    },
  );
});

describe('CSV cells', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('user.resetPassword')).toBe('user.resetPassword');
    expect(csvCell('')).toBe('');
  });

  it('quotes cells with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Doe, Jane')).toBe('"Doe, Jane"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])('defuses the spreadsheet formula %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes a record as one CRLF-terminated line that parses back to its cells', () => {
    const line = csvLine(auditCsvCells(record));
    expect(line.endsWith('\r\n')).toBe(true);
    expect(parseCsv(line)).toEqual([
      [
        '7',
        '2026-03-01T10:00:00.000Z',
        'aad-1',
        'Doe, Jane',
        'helpdesk;admin',
        'user.resetPassword',
        'succeeded',
        'cust-1',
        '',
        '',
        'corr-1',
        '{"note":"said \\"hi\\""}',
      ],
    ]);
    expect(csvHeader).toHaveLength(auditCsvCells(record).length);
  });
});

describe('audit export from a store', () => {
  let store: Store;
  const customerId = 'cust-export';
  const entry = (index: number): AuditEntry => ({
    actorId: index % 2 ? 'aad-odd' : 'aad-even',
    actorName: index === 0 ? '=cmd|"/c calc"!A1' : `Agent ${index}`,
    roles: ['helpdesk'],
    action: 'customer.get',
    outcome: 'allowed',
    customerId,
    correlationId: `corr-${index}`,
    details: { line: 'a,b\nc' },
  });

  beforeAll(async () => {
    store = await openStore({ dataDir: ':memory:', logger: silentLogger() });
    // More rows than one page (200), so the export has to page through the query.
    for (let index = 0; index < 205; index += 1) await store.audit.append(entry(index));
    await store.audit.append({ ...entry(999), customerId: 'someone-else' });
  });
  afterAll(async () => {
    await store?.close();
  });

  async function exported(options: ExportOptions): Promise<{ rows: number; text: string }> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const rows = await writeExport(store.audit, options, out);
    out.end();
    return { rows, text: Buffer.concat(chunks).toString('utf8') };
  }

  const since = new Date('2000-01-01T00:00:00Z');

  it('streams every matching row as CSV, newest first, across pages', async () => {
    const { rows, text } = await exported({ format: 'csv', query: { since, customerId } });
    const table = parseCsv(text);
    expect(rows).toBe(205);
    expect(table[0]).toEqual(csvHeader);
    expect(table).toHaveLength(206);
    expect(table[1]?.[10]).toBe('corr-204');
    expect(table[205]?.[10]).toBe('corr-0');
    expect(table[205]?.[3]).toBe(`'=cmd|"/c calc"!A1`);
    expect(table[1]?.[11]).toBe('{"line":"a,b\\nc"}');
    expect(new Set(table.slice(1).map((row) => row[0])).size).toBe(205);
  });

  it('writes a JSON array that parses back, with the filters applied', async () => {
    const { rows, text } = await exported({
      format: 'json',
      query: { since, customerId, actorId: 'aad-odd' },
    });
    const parsed = JSON.parse(text) as Array<Record<string, unknown>>;
    expect(rows).toBe(102);
    expect(parsed).toHaveLength(102);
    expect(parsed.every((row) => row.actorId === 'aad-odd' && row.customerId === customerId)).toBe(true);
  });

  it('writes JSON lines, one record per line', async () => {
    const { text } = await exported({ format: 'jsonl', query: { since, customerId: 'someone-else' } });
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      correlationId: 'corr-999',
      customerId: 'someone-else',
    });
  });

  it('writes an empty JSON array and a header-only CSV when nothing matches', async () => {
    const none = { since, customerId: 'nobody' };
    expect(JSON.parse((await exported({ format: 'json', query: none })).text)).toEqual([]);
    expect((await exported({ format: 'csv', query: none })).text).toBe(csvLine(csvHeader));
  });
});

describe('export command', () => {
  const execFileAsync = promisify(execFile);

  async function run(args: string[], env: NodeJS.ProcessEnv) {
    return execFileAsync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/export-audit.ts', ...args],
      {
        env: { PATH: process.env.PATH, ...env },
        timeout: 60_000,
      },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ ...error }),
    );
  }

  it('prints the usage and exits 2 on bad arguments, without touching a database', async () => {
    const result = await run(['--since', 'soon', '--format', 'csv'], { DATA_DIR: '/nonexistent' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--since must be a date');
    expect(result.stderr).toContain('Usage: npm run audit --');
  });

  it('exits 1 when there is no database to read', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'export-audit-'));
    try {
      const result = await run(['--since', '2026-01-01', '--format', 'csv'], {
        DATA_DIR: join(empty, 'missing'),
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('does not exist');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('exports from the directory in DATA_DIR', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'export-audit-'));
    try {
      const seeded = await openStore({ dataDir, logger: silentLogger() });
      await seeded.audit.append({
        actorId: 'aad-cli',
        roles: ['admin'],
        action: 'subscription.suspend',
        outcome: 'succeeded',
        customerId: 'cust-cli',
        correlationId: 'corr-cli',
      });
      await seeded.close();

      const result = await run(['--since', '2000-01-01', '--customer', 'cust-cli', '--format', 'jsonl'], {
        DATA_DIR: dataDir,
      });
      expect(result).toMatchObject({ code: 0, stderr: expect.stringContaining('exported 1 audit rows') });
      expect(JSON.parse(result.stdout)).toMatchObject({ actorId: 'aad-cli', action: 'subscription.suspend' });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000); // creates a PGlite data directory, then a child process opens it

  it('resolves main to 2 for bad arguments without writing to stdout', async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    expect(await main(['--format', 'csv'], {}, out, err)).toBe(2);
    expect(out.read()).toBeNull();
    expect(String(err.read())).toContain('--since is required');
  });
});
