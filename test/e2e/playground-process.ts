import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { request } from 'undici';

/**
 * Microsoft 365 Agents Playground as a child process, exactly as `npm start` runs it, on a free port.
 *
 * Two quirks of the Playground (0.2.x) shape this module:
 * - When stdout is not a terminal it writes its console output only to a log file (by default
 *   `./devTools/m365agentsplayground.log` under the working directory), so its errors — an invalid
 *   config file, for one — are invisible on stderr. The log goes to `logFile` instead, and every
 *   start-up failure quotes its end.
 * - It prints "Listening on <port>" before it reads its config file, and exits 1 a moment later when the
 *   file is invalid. Ready means its backend answers `GET /_internal/v1/config`, which it mounts only
 *   after the config file parsed.
 */

const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  appEndpoint: string;
  /** The Playground config file (users, tenant, bot name). */
  configPath: string;
  /** Where the Playground writes its log file. */
  logFile: string;
  /**
   * The IANA time zone the Playground process runs in (its TZ). The Playground sends its own zone, not the
   * browser's, as `clientInfo.timezone` and `localTimezone` of the activities it generates. Default: inherited.
   */
  timeZone?: string;
  startTimeoutMs?: number;
}

/** A person in the Playground's config (the spelling `userPrincipleName` is the Playground's). */
export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipleName?: string;
  givenName?: string;
  surname?: string;
  email?: string;
}

/** The parts of the config the Playground serves back (`GET /_internal/v1/config`). */
export interface PlaygroundConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  groupChats: { id: string; name: string }[];
  teams: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] }[];
}

export interface RunningPlayground {
  /** e.g. http://127.0.0.1:56150 */
  url: string;
  config: PlaygroundConfig;
  /** The end of the Playground's own log, for failure messages. */
  logTail(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 3 s. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const configPath = path.resolve(options.configPath);
  if (!existsSync(configPath)) throw new Error(`Playground config file not found: ${configPath}`);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      PLAYGROUND_CLI,
      '--app-endpoint',
      options.appEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(port),
      '--disable-telemetry',
    ],
    {
      cwd: path.dirname(options.logFile),
      env: {
        ...process.env,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
        TEAMSAPPTESTER_BROWSER: 'none',
        ...(options.timeZone ? { TZ: options.timeZone } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = exitOf(child);
  const logTail = () => tailOf(options.logFile);
  const stop = stopper(child, exited);
  const startTimeoutMs = options.startTimeoutMs ?? 20_000;
  const deadlineAt = Date.now() + startTimeoutMs;
  try {
    const listeningPort = await withDeadline(
      Promise.race([
        listeningPortOf(child),
        exited.then((code) => Promise.reject(exitError(code, logTail()))),
      ]),
      startTimeoutMs,
      () => `the Playground did not print "Listening on <port>" within ${startTimeoutMs} ms.\n${logTail()}`,
    );
    const url = `http://127.0.0.1:${listeningPort}`;
    const config = await backendConfig(url, child, deadlineAt, logTail);
    return { url, config, logTail, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

/** The Playground falls back to a random port when the one asked for is taken: trust what it prints. */
function listeningPortOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Listening on (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr?.resume();
  });
}

async function backendConfig(
  url: string,
  child: ChildProcess,
  deadlineAt: number,
  logTail: () => string,
): Promise<PlaygroundConfig> {
  while (Date.now() < deadlineAt) {
    if (child.exitCode !== null) throw exitError(child.exitCode, logTail());
    try {
      const response = await request(`${url}/_internal/v1/config`, {
        headersTimeout: 2000,
        bodyTimeout: 2000,
      });
      const text = await response.body.text();
      if (response.statusCode === 200) return (JSON.parse(text) as { config: PlaygroundConfig }).config;
    } catch {
      // the backend is not mounted yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `the Playground backend did not answer GET ${url}/_internal/v1/config in time.\n${logTail()}`,
  );
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
}

function exitError(code: number | null, log: string): Error {
  return new Error(
    `the Playground exited with code ${code} while starting (an invalid config file is the usual cause; the Playground reports it only in its log).\n${log}`,
  );
}

function stopper(child: ChildProcess, exited: Promise<number | null>): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(killer);
  };
}

function tailOf(logFile: string, lines = 30): string {
  if (!existsSync(logFile)) return `(no Playground log at ${logFile})`;
  const tail = readFileSync(logFile, 'utf8')
    .trimEnd()
    .split('\n')
    .filter((line) => !line.startsWith('debug '))
    .slice(-lines)
    .join('\n');
  return `Playground log (${logFile}), last lines:\n${tail}`;
}

export async function withDeadline<T>(
  work: Promise<T>,
  timeoutMs: number,
  message: () => string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
