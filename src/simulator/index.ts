import type { AddressInfo } from 'node:net';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import { type AuthMode, MFA_ENFORCED_FROM } from './behaviour/auth';
import { CallCounter } from './behaviour/calls';
import { FaultBook, type FaultRule } from './behaviour/faults';
import { IdempotencyCache } from './behaviour/idempotency';
import { addMs, type Clock, MINUTE_MS, systemClock } from './clock';
import { type AgentRecord, SERVICE_ACCOUNT_REFRESH_TOKEN, seedAgents, serviceAccount } from './data/agents';
import { createDirectory, type Directory } from './data/directory';
import { createStore } from './data/store';
import type { RefreshGrantRecord } from './identity/grants';
import type { TokenRequestRecord } from './identity/token-endpoint';
import { seededRandom } from './prng';
import type { EtagMismatchStatus } from './protocol/etags';
import { IdSource } from './runtime-ids';
import { buildServer } from './server';
import type { SimulatorState } from './state';

export type { FaultRule } from './behaviour/faults';
export type { AgentRecord } from './data/agents';
export { SERVICE_ACCOUNT_REFRESH_TOKEN, seedAgents, serviceAccount } from './data/agents';
export { entraRoles } from './data/gdap';
export { simulatorNetworkClient } from './identity/msal-network-client';
export type { TokenRequestRecord } from './identity/token-endpoint';

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
  /**
   * 'claims' mode refuses App+User tokens without MFA (401 900421) from this moment; default 1 April 2026,
   * as Partner Center does. null: never.
   */
  mfaEnforcedFrom?: Date | null;
  /** The partner users the token endpoint knows (default: the seeded agents and the service account). */
  agents?: readonly AgentRecord[];
  /** The authority host the identity metadata names (default https://login.microsoftonline.com). */
  authorityHost?: string;
}

export interface RunningSimulator {
  /** Base URL without /v1, e.g. 'http://127.0.0.1:54321'. */
  url: string;
  faults: { add(rule: FaultRule): void; clear(): void };
  /** The Entra directory behind the Graph group-membership route: change membership while running. */
  directory: Pick<Directory, 'addMember' | 'removeMember'>;
  /**
   * API calls per route key, e.g. 'GET /v1/customers/{customer-tenant-id}', and per subject of the token
   * they carried (`oid` of App+User tokens, app id of App-only ones, '(none)').
   */
  calls: {
    count(route?: string): number;
    byRoute(): Record<string, number>;
    bySubject(): Record<string, Record<string, number>>;
    reset(): void;
  };
  /** The identity platform's token endpoint: the requests it answered (no secrets). */
  identity: { tokenRequests(): readonly TokenRequestRecord[] };
  /** The partner's GDAP relationships: replace a customer's granted roles; count Graph reads. */
  gdap: { setRoles(customerId: string, roleIds: readonly string[]): void; reads(): number };
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
    directory: createDirectory(),
  };
  const closing = new AbortController();
  const calls = new CallCounter();
  const faults = new FaultBook(seededRandom('simulator-fault-rates'));
  const tokenRequests: TokenRequestRecord[] = [];
  const gdapReads = { count: 0 };
  const refreshTokens = new Map<string, RefreshGrantRecord>([
    [SERVICE_ACCOUNT_REFRESH_TOKEN, { agentId: serviceAccount.id, clientId: '*' }],
  ]);
  const server = buildServer({
    state,
    authMode: options.auth ?? 'off',
    mfaEnforcedFrom: options.mfaEnforcedFrom === undefined ? MFA_ENFORCED_FROM : options.mfaEnforcedFrom,
    identity: {
      clock,
      ids: state.ids,
      agents: options.agents ?? [...seedAgents, serviceAccount],
      refreshTokens,
      authorityHost: (options.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, ''),
      tokenRequests,
    },
    gdapReads,
    latencyMs: options.latencyMs ?? 0,
    calls,
    faults,
    idempotency: new IdempotencyCache(clock),
    closing: closing.signal,
    logger: options.logger ?? silentLogger(),
  });

  const host = options.host ?? '127.0.0.1';
  // restify re-emits its HTTP server's events on itself: a port in use is an 'error' there, not a crash.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    faults: { add: (rule) => faults.add(rule), clear: () => faults.clear() },
    directory: state.directory,
    calls: {
      count: (route) => calls.count(route),
      byRoute: () => calls.byRoute(),
      bySubject: () => calls.bySubject(),
      reset: () => calls.reset(),
    },
    identity: { tokenRequests: () => [...tokenRequests] },
    gdap: {
      setRoles: (customerId, roleIds) => {
        const customer = state.store.findCustomer(customerId);
        if (!customer) throw new Error(`no customer ${customerId}`);
        state.store.gdap.setRoles(customer.id, customer.companyName, roleIds);
      },
      reads: () => gdapReads.count,
    },
    close: async () => {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeAllConnections();
      await closed;
    },
  };
}
