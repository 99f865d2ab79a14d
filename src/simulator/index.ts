import type { AddressInfo } from 'node:net';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import type { AuthMode } from './behaviour/auth';
import { CallCounter } from './behaviour/calls';
import { FaultBook, type FaultRule } from './behaviour/faults';
import { IdempotencyCache } from './behaviour/idempotency';
import { addMs, type Clock, MINUTE_MS, systemClock } from './clock';
import { createStore } from './data/store';
import { seededRandom } from './prng';
import type { EtagMismatchStatus } from './protocol/etags';
import { IdSource } from './runtime-ids';
import { buildServer } from './server';
import type { SimulatorState } from './state';

export type { FaultRule } from './behaviour/faults';

export interface SimulatorOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (ephemeral). */
  port?: number;
  /** Generated customers beyond the documented seed data (deterministic). */
  extraCustomers?: number;
  /** Fixed added latency on every API call. */
  latencyMs?: number;
  /** 'off' (default): no token needed. 'claims': Bearer JWT checked for audience, expiry and token type. */
  auth?: AuthMode;
  /** Controllable clock (30-day restore window, provisioning). */
  now?: () => Date;
  logger?: Logger;
  /** Status of a stale etag (code 2055): 400 as documented (default), or 412. */
  etagMismatchStatus?: EtagMismatchStatus;
  /** How long provisioning stays pending after a change. Default 15 minutes (reference §3.8). */
  provisioningDelayMs?: number;
  /** Subscriptions whose pending provisioning ends `failed` when the delay has passed (default: all succeed). */
  provisioningFailures?: readonly string[];
}

export interface RunningSimulator {
  /** Base URL without /v1, e.g. 'http://127.0.0.1:54321'. */
  url: string;
  faults: { add(rule: FaultRule): void; clear(): void };
  /** API calls per route key, e.g. 'GET /v1/customers/{customer-tenant-id}'. */
  calls: { count(route?: string): number; byRoute(): Record<string, number>; reset(): void };
  close(): Promise<void>;
}

/**
 * Starts a local Partner Center: the REST operations the bot uses, with the documented shapes, errors,
 * paging, filters, etags and idempotency, over the sample data of the reference (§8) plus generated
 * customers. Listens on an ephemeral 127.0.0.1 port unless told otherwise.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const clock: Clock = options.now ?? systemClock;
  const startedAt = clock();
  const provisioningDelayMs = options.provisioningDelayMs ?? 15 * MINUTE_MS;
  const state: SimulatorState = {
    clock,
    config: {
      paging: { defaultSize: 100, maxSize: 500 },
      provisioningDelayMs,
      provisioningFailures: new Set((options.provisioningFailures ?? []).map((id) => id.toLowerCase())),
      etagMismatchStatus: options.etagMismatchStatus ?? 400,
    },
    store: createStore({
      extraCustomers: options.extraCustomers ?? 0,
      startedAt,
      pendingReadyAt: addMs(startedAt, provisioningDelayMs),
    }),
    ids: new IdSource(),
  };
  const closing = new AbortController();
  const calls = new CallCounter();
  const faults = new FaultBook(seededRandom('simulator-fault-rates'));
  const server = buildServer({
    state,
    authMode: options.auth ?? 'off',
    latencyMs: options.latencyMs ?? 0,
    calls,
    faults,
    idempotency: new IdempotencyCache(clock),
    closing: closing.signal,
    logger: options.logger ?? silentLogger(),
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    faults: { add: (rule) => faults.add(rule), clear: () => faults.clear() },
    calls: {
      count: (route) => calls.count(route),
      byRoute: () => calls.byRoute(),
      reset: () => calls.reset(),
    },
    close: async () => {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeAllConnections();
      await closed;
    },
  };
}
