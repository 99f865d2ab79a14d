import { performance } from 'node:perf_hooks';
import { Client } from 'undici';

/**
 * A closed-loop load generator (the role autocannon plays, without its dependency): `concurrency`
 * workers, each one conversation posting its next activity as soon as the previous answer arrived, each
 * over a keep-alive connection of its own (a shared pool queues requests unfairly under load, which showed
 * as seconds-long tails that were the generator's, not the server's). Every answer is checked, so a fast
 * error counts as a failure, not a turn.
 */

export interface Answer {
  status: number;
  body: string;
}

/** One turn (or one flow of several requests): true when every answer was the expected one, else why not. */
export type Turn = (
  slot: { turn: number; worker: number; sequence: number },
  post: (activity: object) => Promise<Answer>,
) => Promise<true | string>;

export interface LoadPlan {
  /** e.g. http://127.0.0.1:3978 */
  origin: string;
  concurrency: number;
  /** Turns to measure, spread over the workers (Infinity with `durationMs`). */
  turns: number;
  /** Stop starting turns after this long. */
  durationMs?: number;
  /**
   * Turns run first and not measured, on the same connections: the measured turns find them open, as the
   * Bot Framework's connections to a bot are. (Opening 200 at once against a busy bot takes seconds.)
   */
  warmup?: number;
  turn: Turn;
  /** Per request; default 30 s. */
  timeoutMs?: number;
}

export interface LoadResult {
  latenciesMs: number[];
  failures: number;
  elapsedMs: number;
  /** The first few failed answers, to explain a failure count. */
  failureSamples: string[];
}

const MAX_FAILURE_SAMPLES = 3;

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const clients = Array.from(
    { length: plan.concurrency },
    () =>
      new Client(plan.origin, {
        pipelining: 1,
        keepAliveTimeout: 60_000,
        headersTimeout: plan.timeoutMs ?? 30_000,
        bodyTimeout: plan.timeoutMs ?? 30_000,
      }),
  );
  const latenciesMs: number[] = [];
  const failureSamples: string[] = [];
  let failures = 0;

  const fail = (sample: string) => {
    failures += 1;
    if (failureSamples.length < MAX_FAILURE_SAMPLES) failureSamples.push(sample.slice(0, 300));
  };
  const post =
    (client: Client) =>
    async (activity: object): Promise<Answer> => {
      const response = await client.request({
        path: '/api/messages',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      return { status: response.statusCode, body: await response.body.text() };
    };

  const warmup = plan.warmup ?? 0;
  const sequences = Array.from({ length: plan.concurrency }, () => 0);
  const phase = async (turns: number, durationMs: number, measured: boolean) => {
    let next = 0;
    const deadline = performance.now() + durationMs;
    const worker = async (index: number) => {
      const send = post(clients[index] as Client);
      while (next < turns && performance.now() < deadline) {
        const slot = { turn: (measured ? warmup : 0) + next++, worker: index, sequence: sequences[index]++ };
        const started = performance.now();
        try {
          const outcome = await plan.turn(slot, send);
          if (outcome !== true) fail(outcome);
          else if (measured) latenciesMs.push(performance.now() - started);
        } catch (error) {
          fail(`request failed: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: plan.concurrency }, (_, index) => worker(index)));
  };

  try {
    // A failed warm-up turn is a failed turn too: `failures` counts both phases.
    if (warmup > 0) await phase(warmup, Number.POSITIVE_INFINITY, false);
    const started = performance.now();
    await phase(plan.turns, plan.durationMs ?? Number.POSITIVE_INFINITY, true);
    return { latenciesMs, failures, elapsedMs: performance.now() - started, failureSamples };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}
