import { type ChildProcess, fork } from 'node:child_process';
import { openSync } from 'node:fs';
import path from 'node:path';
import type { ControlMessage, ControlRequest } from './control';

/** Parent side of bench/control.ts: start a server process, ask it for its memory, force a GC, stop it. */

export interface ServerProcess {
  url: string;
  pid: number;
  memory(): Promise<NodeJS.MemoryUsage>;
  /** Forces full garbage collections (the child runs with --expose-gc), then reports memory. */
  collectGarbage(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

export async function startServerProcess(
  script: string,
  env: Record<string, string>,
  logFile: string,
  execArgv: readonly string[] = [],
): Promise<ServerProcess> {
  const output = openSync(logFile, 'a');
  const child: ChildProcess = fork(path.join(__dirname, script), [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...execArgv],
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', output, output, 'ipc'],
  });
  const pending = new Map<number, (memory: NodeJS.MemoryUsage) => void>();
  let nextId = 0;

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start (see ${logFile})`)),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} (see ${logFile})`)));
    child.on('message', (message: ControlMessage) => {
      if (message.kind === 'ready') {
        clearTimeout(timer);
        resolve(message.url);
      } else if (message.kind === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${script} failed to start: ${message.message}`));
      } else if (message.memory) {
        pending.get(message.id)?.(message.memory);
        pending.delete(message.id);
      }
    });
  });

  const ask = (command: ControlRequest['command']) =>
    new Promise<NodeJS.MemoryUsage>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      child.send({ id, command } satisfies ControlRequest);
    });

  return {
    url,
    pid: child.pid ?? 0,
    memory: () => ask('memory'),
    collectGarbage: () => ask('gc'),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ask('stop');
      await exited;
    },
  };
}
