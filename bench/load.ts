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
  let next = 0;

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

  const deadline = performance.now() + (plan.durationMs ?? Number.POSITIVE_INFINITY);
  const worker = async (index: number) => {
    const send = post(clients[index] as Client);
    for (let sequence = 0; next < plan.turns && performance.now() < deadline; sequence++) {
      const slot = { turn: next++, worker: index, sequence };
      const started = performance.now();
      try {
        const outcome = await plan.turn(slot, send);
        if (outcome === true) latenciesMs.push(performance.now() - started);
        else fail(outcome);
      } catch (error) {
        fail(`request failed: ${(error as Error).message}`);
      }
    }
  };

  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: plan.concurrency }, (_, index) => worker(index)));
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
  return { latenciesMs, failures, elapsedMs: performance.now() - started, failureSamples };
}
