/**
 * The IPC protocol between the benchmark and the servers it measures, each in a process of its own
 * (so the load generator's CPU and heap never count as the server's): the child reports its URL once
 * listening, then answers memory and GC requests until asked to stop.
 */

export type ControlRequest = { id: number; command: 'memory' | 'gc' | 'stop' };

export type ControlMessage =
  | { kind: 'ready'; url: string }
  | { kind: 'reply'; id: number; memory?: NodeJS.MemoryUsage }
  | { kind: 'failed'; message: string };

/** Child side: announce `url`, then serve the parent's requests. */
export function serveControl(url: string, stop: () => Promise<void>): void {
  const send = (message: ControlMessage) => process.send?.(message);
  process.on('message', (request: ControlRequest) => {
    void (async () => {
      if (request.command === 'gc') {
        // Several passes: one full GC can leave garbage that only the next one frees (weak refs, finalizers).
        for (let pass = 0; pass < 3; pass++) {
          global.gc?.();
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      if (request.command === 'stop') await stop();
      send({ kind: 'reply', id: request.id, memory: process.memoryUsage() });
      if (request.command === 'stop') process.exit(0);
    })();
  });
  send({ kind: 'ready', url });
}

/** Child side: report a start-up failure and exit. */
export function failStart(error: unknown): never {
  process.send?.({
    kind: 'failed',
    message: (error as Error).stack ?? String(error),
  } satisfies ControlMessage);
  process.exit(1);
}
